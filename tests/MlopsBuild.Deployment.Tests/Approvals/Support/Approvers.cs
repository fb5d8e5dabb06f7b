using System.Security.Cryptography;
using MlopsBuild.Deployment.Approvals;

namespace MlopsBuild.Deployment.Tests.Approvals.Support;

/// <summary>
/// Release managers with fresh in-memory keys, and statements about one sample version for them to sign; plus the
/// attestation key of the GitHub environment <see cref="Environment"/>, which signs GitHub reviews for them.
/// </summary>
internal sealed class Approvers : IDisposable
{
    public const int Version = 7;
    public const string ModelDigest = "sha256:1111111111111111111111111111111111111111111111111111111111111111";
    public const string ImageDigest = "sha256:2222222222222222222222222222222222222222222222222222222222222222";
    public const string Environment = "factory";
    public static readonly DateTimeOffset Now = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);

    readonly Dictionary<string, ApprovalSigner> signers = new();

    public Approvers(params string[] ids)
    {
        foreach (var id in ids) signers[id] = NewSigner();
    }

    /// <summary>Signs what came via the GitHub environment; its public half is the policy's github_environment key.</summary>
    public ApprovalSigner EnvironmentSigner { get; } = NewSigner();

    public ApprovalPolicy Policy(int required, bool forbidSelfApproval = true, TimeSpan? maxAge = null) =>
        new(required, signers.Select(s => new Approver(s.Key, s.Value.PublicKey)).ToList(), forbidSelfApproval, maxAge);

    /// <summary>A policy counting reviews of <see cref="Environment"/>, with the GitHub login of each approver that has one.</summary>
    public ApprovalPolicy GitHubPolicy(int required, IReadOnlyDictionary<string, string> logins, bool forbidSelfApproval = true) =>
        new(required, signers.Select(s => new Approver(s.Key, s.Value.PublicKey, logins.GetValueOrDefault(s.Key))).ToList(), forbidSelfApproval,
            GitHubEnvironment: new GitHubEnvironmentAttestation(Environment, EnvironmentSigner.PublicKey));

    public ApprovalRecord Approve(string id, TimeSpan? ago = null, string? model = null, string? image = null, int version = Version) =>
        Sign(id, ApprovalDecision.Approve, ago, model, image, version);

    public ApprovalRecord Reject(string id, TimeSpan? ago = null, string comment = "drift too high") =>
        Sign(id, ApprovalDecision.Reject, ago, comment: comment);

    public ApprovalRecord Sign(string id, ApprovalDecision decision, TimeSpan? ago = null, string? model = null, string? image = null,
        int version = Version, string comment = "evidence reviewed") =>
        signers[id].Sign(new ApprovalStatement(decision, id, Now - (ago ?? TimeSpan.FromHours(1)), version, model ?? ModelDigest, image ?? ImageDigest, comment));

    /// <summary>A GitHub review by <paramref name="reviewer"/>, recorded for approver <paramref name="id"/> and signed by the environment's key.</summary>
    public ApprovalRecord Reviewed(string id, string reviewer, ApprovalDecision decision = ApprovalDecision.Approve, TimeSpan? ago = null,
        string environment = Environment, string comment = "evidence reviewed") =>
        EnvironmentSigner.Sign(new ApprovalStatement(decision, id, Now - (ago ?? TimeSpan.FromHours(1)), Version, ModelDigest, ImageDigest,
            comment, new GitHubReviewOrigin(environment, 123, 1, reviewer)));

    public void Dispose()
    {
        foreach (var signer in signers.Values) signer.Dispose();
        EnvironmentSigner.Dispose();
    }

    static ApprovalSigner NewSigner() => new(ECDsa.Create(ECCurve.NamedCurves.nistP256));
}
