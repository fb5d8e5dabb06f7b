using MlopsBuild.Deployment.Approvals;
using MlopsBuild.Deployment.Tests.Approvals.Support;

namespace MlopsBuild.Deployment.Tests.Approvals;

/// <summary>Records that came via a GitHub environment review: verified with the environment's key, counted through github_login.</summary>
public sealed class GitHubReviewVerifierTests : IDisposable
{
    const string Author = "dave";
    static readonly Dictionary<string, string> Logins = new() { ["alice"] = "alice-gh", ["bob"] = "bob-gh", ["dave"] = "dave-gh" };
    readonly Approvers approvers = new("alice", "bob", "carol", "dave");

    [Fact]
    public void A_review_by_an_approvers_github_login_counts_for_that_approver()
    {
        var check = Check(approvers.GitHubPolicy(1, Logins), approvers.Reviewed("alice", "Alice-GH"));

        Assert.True(check.Approved);
        Assert.Equal(["alice"], check.CountedApprovers);
        Assert.Equal("approve by alice (via github-environment factory, run 123 attempt 1, reviewer Alice-GH) at 2026-11-28T11:00:00.0000000Z: counts",
            Assert.Single(check.Records).ToString());
    }

    [Fact]
    public void A_review_and_a_key_signed_approval_make_two_distinct_approvers()
    {
        var check = Check(approvers.GitHubPolicy(2, Logins), approvers.Reviewed("alice", "alice-gh"), approvers.Approve("bob"));

        Assert.True(check.Approved);
        Assert.Equal("2 of 2 required approvals: alice, bob", check.Verdict);
    }

    [Fact]
    public void A_review_does_not_count_for_an_approver_without_a_github_login()
    {
        var check = Check(approvers.GitHubPolicy(1, Logins), approvers.Reviewed("carol", "carol-gh"));

        var assessment = Assert.Single(check.Records);
        Assert.Equal(RecordStanding.ReviewerNotApprover, assessment.Standing);
        Assert.Equal("GitHub reviewer 'carol-gh' cannot speak for carol, who has no github_login in the policy", assessment.Reason);
        Assert.False(check.Approved);
    }

    [Fact]
    public void A_review_by_another_login_does_not_count_for_the_approver_it_names()
    {
        var check = Check(approvers.GitHubPolicy(1, Logins), approvers.Reviewed("alice", "mallory-gh"));

        var assessment = Assert.Single(check.Records);
        Assert.Equal(RecordStanding.ReviewerNotApprover, assessment.Standing);
        Assert.Equal("GitHub reviewer 'mallory-gh' is not alice, whose github_login in the policy is 'alice-gh'", assessment.Reason);
    }

    [Fact]
    public void A_review_for_someone_not_in_the_policy_does_not_count()
    {
        using var outsider = new Approvers("mallory");
        var policy = approvers.GitHubPolicy(1, Logins);
        // Signed with the policy's own environment key: only the approver's absence from the policy refuses it.
        var record = approvers.EnvironmentSigner.Sign(outsider.Reviewed("mallory", "mallory-gh").Statement);

        Assert.Equal(RecordStanding.UnknownApprover, Assert.Single(Check(policy, record).Records).Standing);
    }

    [Fact]
    public void Without_a_github_environment_in_the_policy_a_review_cannot_be_verified()
    {
        var check = Check(approvers.Policy(1), approvers.Reviewed("alice", "alice-gh"));

        var assessment = Assert.Single(check.Records);
        Assert.Equal(RecordStanding.UntrustedOrigin, assessment.Standing);
        Assert.Equal("it came via GitHub environment 'factory' but the policy has no github_environment to verify it with", assessment.Reason);
    }

    [Fact]
    public void A_review_of_another_environment_does_not_count()
    {
        var check = Check(approvers.GitHubPolicy(1, Logins), approvers.Reviewed("alice", "alice-gh", environment: "lab"));

        var assessment = Assert.Single(check.Records);
        Assert.Equal(RecordStanding.UntrustedOrigin, assessment.Standing);
        Assert.Equal("it came via GitHub environment 'lab' but the policy counts reviews of 'factory' only", assessment.Reason);
    }

    [Fact]
    public void The_environment_name_ignores_case_as_GitHub_does()
    {
        Assert.True(Check(approvers.GitHubPolicy(1, Logins), approvers.Reviewed("alice", "alice-gh", environment: "Factory")).Approved);
    }

    [Fact]
    public void A_review_signed_with_an_approvers_own_key_is_a_forgery()
    {
        var review = approvers.Reviewed("alice", "alice-gh");
        var signedByAlice = review with { Signature = approvers.Sign("alice", ApprovalDecision.Approve).Signature };

        var assessment = Assert.Single(Check(approvers.GitHubPolicy(1, Logins), signedByAlice).Records);

        Assert.Equal(RecordStanding.BadSignature, assessment.Standing);
        Assert.Equal("the signature does not verify with the github_environment key in the policy: the record was edited or forged", assessment.Reason);
    }

    [Fact]
    public void The_environment_key_cannot_sign_for_an_approver_without_saying_it_came_via_GitHub()
    {
        var unattributed = approvers.EnvironmentSigner.Sign(approvers.Approve("alice").Statement);

        Assert.Equal(RecordStanding.BadSignature, Assert.Single(Check(approvers.GitHubPolicy(1, Logins), unattributed).Records).Standing);
    }

    [Fact]
    public void A_rejection_in_review_vetoes()
    {
        var check = Check(approvers.GitHubPolicy(1, Logins), approvers.Approve("bob"), approvers.Reviewed("alice", "alice-gh", ApprovalDecision.Reject, comment: "p99 too high"));

        Assert.False(check.Approved);
        Assert.Equal("vetoed: rejected by alice ('p99 too high') (1 of 1 required approvals: bob)", check.Verdict);
    }

    [Fact]
    public void A_later_review_supersedes_the_approvers_earlier_key_signed_rejection()
    {
        var check = Check(approvers.GitHubPolicy(1, Logins), approvers.Reject("alice", TimeSpan.FromHours(2)), approvers.Reviewed("alice", "alice-gh"));

        Assert.True(check.Approved);
        Assert.Equal([RecordStanding.Superseded, RecordStanding.Counted], check.Records.Select(r => r.Standing));
    }

    [Fact]
    public void The_author_cannot_approve_through_a_review()
    {
        var check = Check(approvers.GitHubPolicy(1, Logins), approvers.Reviewed(Author, "dave-gh"));

        Assert.Equal(RecordStanding.SelfApproval, Assert.Single(check.Records).Standing);
        Assert.False(check.Approved);
    }

    [Fact]
    public void An_author_known_by_github_login_is_the_approver_with_that_login()
    {
        var check = ApprovalVerifier.Check(approvers.GitHubPolicy(1, Logins), [approvers.Approve(Author)], Approvers.Version, "Dave-GH",
            Approvers.ModelDigest, Approvers.ImageDigest, Approvers.Now);

        Assert.Equal(RecordStanding.SelfApproval, Assert.Single(check.Records).Standing);
        Assert.Equal("0 of 1 required approvals; 1 more needed from: alice, bob, carol; dave authored the training run and may not approve it", check.Verdict);
    }

    ApprovalCheck Check(ApprovalPolicy policy, params ApprovalRecord[] records) =>
        ApprovalVerifier.Check(policy, records, Approvers.Version, Author, Approvers.ModelDigest, Approvers.ImageDigest, Approvers.Now);

    public void Dispose() => approvers.Dispose();
}
