using MlopsBuild.Deployment.Approvals;
using MlopsBuild.Deployment.GitHub;
using MlopsBuild.Deployment.Tests.Approvals.Support;
using MlopsBuild.Deployment.Tests.GitHub.Support;
using MlopsBuild.Testing;

namespace MlopsBuild.Deployment.Tests.GitHub;

/// <summary>From the run's reviews on a fake GitHub API to signed records in a store, weighed by <see cref="ApprovalVerifier"/>.</summary>
public sealed class GitHubEnvironmentApprovalsTests : IAsyncLifetime
{
    const string Author = "carol";
    static readonly Dictionary<string, string> Logins = new() { ["alice"] = "alice-gh", ["bob"] = "bob-gh", ["carol"] = "carol-gh" };

    FakeGitHubApi api = null!;
    readonly HttpClient http = new();
    readonly Approvers approvers = new("alice", "bob", "carol", "dave");
    readonly TemporaryDirectory directory = new();
    readonly FixedClock clock = new(Approvers.Now);
    ApprovalStore Store => new(directory.Path);

    public async Task InitializeAsync() => api = await FakeGitHubApi.StartAsync();

    [Fact]
    public async Task Approving_reviews_become_records_that_count_for_the_mapped_approvers()
    {
        api.Reviews(new Review("alice-gh", "approved", "metrics ok", "factory"), new Review("Bob-GH", "approved", null, "lab", "Factory"));

        var recorded = await Record(approvers.GitHubPolicy(2, Logins));

        Assert.Equal(recorded.Records, Store.ListFor(Approvers.Version));
        Assert.Equal(new ApprovalStatement(ApprovalDecision.Approve, "alice", Approvers.Now, Approvers.Version, Approvers.ModelDigest,
            Approvers.ImageDigest, "metrics ok", new GitHubReviewOrigin("factory", FakeGitHubApi.RunId, 1, "alice-gh")), recorded.Records[0].Statement);
        Assert.Equal(new GitHubReviewOrigin("Factory", FakeGitHubApi.RunId, 1, "Bob-GH"), recorded.Records[1].Statement.Via);
        Assert.Equal("""
            GitHub environment 'factory', run 123 attempt 1 of acme/churn: 2 review(s) recorded as approvals
              approve by alice (reviewer alice-gh)
              approve by bob (reviewer Bob-GH)
            """.Replace("\r", ""), recorded.Describe());
        var check = Check(approvers.GitHubPolicy(2, Logins), Author);
        Assert.True(check.Approved);
        Assert.Equal("2 of 2 required approvals: alice, bob", check.Verdict);
    }

    [Fact]
    public async Task A_review_already_recorded_is_not_recorded_again()
    {
        api.Reviews(new Review("alice-gh", "approved", "metrics ok", "factory"), new Review("alice-gh", "approved", "metrics ok", "factory"));
        var first = await Record(approvers.GitHubPolicy(1, Logins));
        clock.Now += TimeSpan.FromMinutes(3);

        var second = await Record(approvers.GitHubPolicy(1, Logins));

        Assert.Equal(first.Records, second.Records);
        Assert.Single(Store.ListFor(Approvers.Version));
    }

    [Fact]
    public async Task The_same_review_in_a_rerun_attempt_is_recorded_with_that_attempt()
    {
        api.Reviews(new Review("alice-gh", "approved", "metrics ok", "factory"));
        await Record(approvers.GitHubPolicy(1, Logins));

        await Record(approvers.GitHubPolicy(1, Logins), api.Context(attempt: 2));

        Assert.Equal([1, 2], Store.ListFor(Approvers.Version).Select(r => r.Statement.Via!.RunAttempt).Order());
    }

    [Fact]
    public async Task Reviews_that_count_for_no_one_are_explained_and_not_recorded()
    {
        api.Reviews(
            new Review("mallory", "approved", "", "factory"),
            new Review("dave-gh", "approved", "", "factory"),
            new Review("alice-gh", "pending", "need the drift report", "factory"),
            new Review("bob-gh", "approved", "", "lab"));

        var recorded = await Record(approvers.GitHubPolicy(1, Logins));

        Assert.Empty(Store.ListFor(Approvers.Version));
        Assert.Equal("""
            GitHub environment 'factory', run 123 attempt 1 of acme/churn: 0 review(s) recorded as approvals
              ignored: mallory approved the deployment to 'factory', but no approver in the policy has github_login 'mallory', so it counts for no one. If mallory is a release manager, add 'github_login: mallory' to their entry
              ignored: dave-gh approved the deployment to 'factory', but no approver in the policy has github_login 'dave-gh', so it counts for no one. If dave-gh is a release manager, add 'github_login: dave-gh' to their entry
              ignored: alice-gh commented on the deployment to 'factory' without approving or rejecting it
            """.Replace("\r", ""), recorded.Describe());
    }

    [Fact]
    public async Task Reviews_of_another_environment_only_point_at_the_policys_environment_name()
    {
        api.Reviews(new Review("alice-gh", "approved", "", "production"));

        var recorded = await Record(approvers.GitHubPolicy(1, Logins));

        Assert.Equal(["the run's reviews are of 'production', not of 'factory': check github_environment's name in the policy against the environment the Promote job runs in"],
            recorded.Ignored);
    }

    [Fact]
    public async Task A_run_without_reviews_says_how_to_require_them()
    {
        var recorded = await Record(approvers.GitHubPolicy(1, Logins));

        Assert.Equal("GitHub environment 'factory', run 123 attempt 1 of acme/churn: no approved or rejected review. Bind the Promote job to " +
            "'environment: factory' and give that environment required reviewers (repository Settings, Environments).", recorded.Describe());
    }

    [Fact]
    public async Task A_rejection_in_review_vetoes_promotion()
    {
        api.Reviews(new Review("alice-gh", "approved", "", "factory"), new Review("bob-gh", "rejected", "p99 regressed", "factory"));

        await Record(approvers.GitHubPolicy(1, Logins));

        var check = Check(approvers.GitHubPolicy(1, Logins), Author);
        Assert.False(check.Approved);
        Assert.Equal("vetoed: rejected by bob ('p99 regressed') (1 of 1 required approvals: alice)", check.Verdict);
    }

    [Fact]
    public async Task The_author_approving_in_review_is_barred_as_self_approval()
    {
        api.Reviews(new Review("carol-gh", "approved", "", "factory"));

        await Record(approvers.GitHubPolicy(1, Logins));

        var check = Check(approvers.GitHubPolicy(1, Logins), author: "carol-gh");
        Assert.Equal(RecordStanding.SelfApproval, Assert.Single(check.Records).Standing);
        Assert.False(check.Approved);
    }

    [Theory]
    [InlineData("\"comment\": \"metrics ok\"", "\"comment\": \"metrics ok, ship it\"")]
    [InlineData("reviewer alice-gh", "reviewer bob-gh")]
    [InlineData("run 123 attempt 1", "run 124 attempt 1")]
    public async Task A_recorded_review_edited_on_disk_no_longer_verifies(string find, string replace)
    {
        api.Reviews(new Review("alice-gh", "approved", "metrics ok", "factory"));
        await Record(approvers.GitHubPolicy(1, Logins));
        var path = Directory.GetFiles(Path.Combine(directory.Path, "v7")).Single();
        var text = File.ReadAllText(path);
        Assert.Contains(find, text);
        File.WriteAllText(path, text.Replace(find, replace));

        var check = Check(approvers.GitHubPolicy(1, Logins), Author);

        Assert.Equal(RecordStanding.BadSignature, Assert.Single(check.Records).Standing);
    }

    [Fact]
    public async Task A_policy_without_a_github_environment_is_refused_before_asking_GitHub()
    {
        var error = await Assert.ThrowsAsync<GitHubApprovalsException>(() => Record(approvers.Policy(1)));

        Assert.Equal("The approval policy has no github_environment, so the run's reviews cannot count as approvals. Add 'github_environment:' " +
            "with the environment's name and attestation public_key to the policy (see ApprovalPolicyFile).", error.Message);
        Assert.Empty(api.Requests);
    }

    [Fact]
    public async Task An_attestation_key_the_policy_does_not_name_is_refused_before_asking_GitHub()
    {
        using var other = new Approvers("other");
        var policy = approvers.GitHubPolicy(1, Logins) with
        {
            GitHubEnvironment = new GitHubEnvironmentAttestation("factory", other.Policy(1).Approvers[0].PublicKey),
        };

        var error = await Assert.ThrowsAsync<GitHubApprovalsException>(() => Record(policy));

        Assert.Equal("The attestation key in MLOPS_GITHUB_ATTESTATION_KEY is not the one the policy's github_environment public_key names, " +
            "so its records would not verify. Store the matching private key as the 'factory' environment's secret.", error.Message);
        Assert.Empty(api.Requests);
    }

    [Fact]
    public async Task A_refusal_from_GitHub_records_nothing()
    {
        api.Status = System.Net.HttpStatusCode.Unauthorized;

        await Assert.ThrowsAsync<GitHubApprovalsException>(() => Record(approvers.GitHubPolicy(1, Logins)));

        Assert.Empty(Store.ListFor(Approvers.Version));
    }

    Task<GitHubReviewsRecorded> Record(ApprovalPolicy policy, GitHubActionsContext? context = null) =>
        new GitHubEnvironmentApprovals(http, clock).RecordAsync(context ?? api.Context(), policy, approvers.EnvironmentSigner,
            Approvers.Version, Approvers.ModelDigest, Approvers.ImageDigest, Store);

    ApprovalCheck Check(ApprovalPolicy policy, string author) =>
        ApprovalVerifier.Check(policy, Store.ListFor(Approvers.Version), Approvers.Version, author, Approvers.ModelDigest, Approvers.ImageDigest,
            Approvers.Now + TimeSpan.FromMinutes(1));

    public async Task DisposeAsync()
    {
        http.Dispose();
        approvers.Dispose();
        directory.Dispose();
        await api.DisposeAsync();
    }
}
