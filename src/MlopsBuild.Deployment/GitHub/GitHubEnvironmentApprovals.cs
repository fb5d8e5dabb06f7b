using MlopsBuild.Deployment.Approvals;

namespace MlopsBuild.Deployment.GitHub;

/// <summary>
/// Records the reviews of a GitHub Actions run's deployment to the policy's environment as approvals of the version
/// being promoted. The Promote job holds no reviewer's key; it holds the environment's attestation key (a secret of that
/// environment, so only a job a reviewer let through can use it), and signs each review with it, bound to the version
/// and its model and image digests. <see cref="ApprovalVerifier"/> then weighs these records like any other.
/// </summary>
public sealed class GitHubEnvironmentApprovals(HttpClient http, TimeProvider? clock = null)
{
    readonly GitHubRunReviews reviews = new(http);
    readonly TimeProvider clock = clock ?? TimeProvider.System;

    /// <summary>
    /// Fetches the run's reviews, signs one statement per approved or rejected review by a mapped reviewer, and saves it in
    /// <paramref name="store"/> unless the same review is already recorded there for this version.
    /// </summary>
    /// <remarks>
    /// GitHub gives reviews no time, so each record is dated when it is recorded; reviews recorded together share that
    /// time, and the verifier then takes a rejection among them as the later word.
    /// </remarks>
    public async Task<GitHubReviewsRecorded> RecordAsync(GitHubActionsContext context, ApprovalPolicy policy, ApprovalSigner attestationSigner,
        int versionNumber, string modelDigest, string imageDigest, ApprovalStore store, CancellationToken cancellationToken = default)
    {
        var environment = policy.GitHubEnvironment ?? throw new GitHubApprovalsException(
            "The approval policy has no github_environment, so the run's reviews cannot count as approvals. Add 'github_environment:' " +
            "with the environment's name and attestation public_key to the policy (see ApprovalPolicyFile).");
        if (attestationSigner.PublicKey != environment.PublicKey)
            throw new GitHubApprovalsException(
                $"The attestation key in {GitHubAttestationKey.EnvironmentVariable} is not the one the policy's github_environment public_key names, " +
                $"so its records would not verify. Store the matching private key as the '{environment.Name}' environment's secret.");

        var fetched = await reviews.FetchAsync(context, cancellationToken);
        var (statements, ignored) = GitHubReviewMapping.Map(policy, environment, context, fetched, versionNumber, modelDigest, imageDigest,
            clock.GetUtcNow());
        var known = store.ListFor(versionNumber).ToList();
        var records = new List<ApprovalRecord>();
        foreach (var statement in statements)
        {
            var record = known.FirstOrDefault(r => SameReview(r.Statement, statement));
            if (record is null)
            {
                record = attestationSigner.Sign(statement);
                store.Save(record);
                known.Add(record);
            }
            if (!records.Contains(record)) records.Add(record);
        }
        return new GitHubReviewsRecorded(environment.Name, context.Run, records, ignored);
    }

    /// <summary>The same review of the same run and attempt about the same version and digests, whenever it was recorded.</summary>
    static bool SameReview(ApprovalStatement recorded, ApprovalStatement statement) => recorded with { Time = statement.Time } == statement;
}
