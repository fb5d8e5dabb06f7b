using MlopsBuild.Deployment.Approvals;
using MlopsBuild.Deployment.Tests.Approvals.Support;

namespace MlopsBuild.Deployment.Tests.Approvals;

public sealed class VerifierTests : IDisposable
{
    const string Author = "dave";
    readonly Approvers approvers = new("alice", "bob", "carol", "dave");

    [Fact]
    public void Two_distinct_approvers_meet_two_of_four()
    {
        var check = Check(approvers.Policy(required: 2), approvers.Approve("alice"), approvers.Approve("bob"));

        Assert.True(check.Approved);
        Assert.Equal("2 of 2 required approvals: alice, bob", check.Verdict);
    }

    [Fact]
    public void An_approver_counts_once_however_often_they_approve()
    {
        var check = Check(approvers.Policy(required: 2),
            approvers.Approve("alice", TimeSpan.FromHours(3)), approvers.Approve("alice", TimeSpan.FromHours(2)), approvers.Approve("alice"));

        Assert.False(check.Approved);
        Assert.Equal(["alice"], check.CountedApprovers);
        Assert.Equal(2, check.Records.Count(r => r.Standing == RecordStanding.Superseded));
        Assert.Equal("1 of 2 required approvals: alice; 1 more needed from: bob, carol; dave authored the training run and may not approve it", check.Verdict);
    }

    [Fact]
    public void Approval_for_another_model_image_or_version_does_not_count()
    {
        var check = Check(approvers.Policy(required: 1),
            approvers.Approve("alice", model: "sha256:" + new string('9', 64)),
            approvers.Approve("bob", image: "sha256:" + new string('8', 64)),
            approvers.Approve("carol", version: 6));

        Assert.False(check.Approved);
        Assert.Equal([RecordStanding.OtherModelDigest, RecordStanding.OtherImageDigest, RecordStanding.OtherVersion],
            check.Records.OrderBy(r => r.Record.Statement.Approver).Select(r => r.Standing));
        Assert.Contains("not this version's " + Approvers.ModelDigest, check.Records.Single(r => r.Standing == RecordStanding.OtherModelDigest).Reason);
        Assert.StartsWith("0 of 1 required approvals; 1 more needed from", check.Verdict);
    }

    [Fact]
    public void The_author_of_the_training_run_cannot_approve_it_alone()
    {
        var check = Check(approvers.Policy(required: 1), approvers.Approve(Author));

        Assert.False(check.Approved);
        var assessment = Assert.Single(check.Records);
        Assert.Equal(RecordStanding.SelfApproval, assessment.Standing);
        Assert.Contains("dave authored the training run", assessment.Reason);
    }

    [Fact]
    public void Self_approval_counts_when_the_policy_allows_it()
    {
        Assert.True(Check(approvers.Policy(required: 1, forbidSelfApproval: false), approvers.Approve(Author)).Approved);
    }

    [Fact]
    public void A_requirement_the_remaining_approvers_cannot_meet_says_so()
    {
        using var two = new Approvers("alice", "dave");
        var check = ApprovalVerifier.Check(two.Policy(required: 2), [two.Approve("alice")], Approvers.Version, Author,
            Approvers.ModelDigest, Approvers.ImageDigest, Approvers.Now);

        Assert.Equal("1 of 2 required approvals: alice; cannot be met: 1 more needed but only 0 eligible approver(s) remain; " +
            "dave authored the training run and may not approve it. Add approvers to the policy", check.Verdict);
    }

    [Fact]
    public void An_approver_missing_from_the_policy_does_not_count()
    {
        using var outsider = new Approvers("mallory");
        var check = Check(approvers.Policy(required: 1), outsider.Approve("mallory"));

        var assessment = Assert.Single(check.Records);
        Assert.Equal(RecordStanding.UnknownApprover, assessment.Standing);
        Assert.Equal("'mallory' is not an approver in the policy", assessment.Reason);
    }

    [Fact]
    public void An_approval_older_than_max_age_has_expired()
    {
        var check = Check(approvers.Policy(required: 1, maxAge: TimeSpan.FromDays(30)),
            approvers.Approve("alice", TimeSpan.FromDays(31)), approvers.Approve("bob", TimeSpan.FromDays(29)));

        Assert.True(check.Approved);
        Assert.Equal(["bob"], check.CountedApprovers);
        var expired = check.Records.Single(r => r.Record.Statement.Approver == "alice");
        Assert.Equal(RecordStanding.Expired, expired.Standing);
        Assert.Equal("expired: 31 days old, the policy's max_age is 30 days", expired.Reason);
    }

    [Fact]
    public void An_approval_dated_in_the_future_does_not_count()
    {
        var check = Check(approvers.Policy(required: 1), approvers.Approve("alice", TimeSpan.FromHours(-1)));

        Assert.Equal(RecordStanding.FutureDated, Assert.Single(check.Records).Standing);
    }

    [Fact]
    public void A_later_rejection_withdraws_the_approval_and_vetoes()
    {
        var check = Check(approvers.Policy(required: 1),
            approvers.Approve("alice", TimeSpan.FromHours(2)), approvers.Approve("bob", TimeSpan.FromHours(2)), approvers.Reject("alice", TimeSpan.FromHours(1)));

        Assert.False(check.Approved);
        Assert.Equal(["bob"], check.CountedApprovers);
        Assert.Equal("vetoed: rejected by alice ('drift too high') (1 of 1 required approvals: bob)", check.Verdict);
        Assert.Equal(RecordStanding.Superseded, check.Records.First(r => r.Record.Statement.Decision == ApprovalDecision.Approve && r.Record.Statement.Approver == "alice").Standing);
    }

    [Fact]
    public void A_later_approval_lifts_the_approvers_own_rejection()
    {
        var check = Check(approvers.Policy(required: 1), approvers.Reject("alice", TimeSpan.FromHours(2)), approvers.Approve("alice", TimeSpan.FromHours(1)));

        Assert.True(check.Approved);
        Assert.Equal([RecordStanding.Superseded, RecordStanding.Counted], check.Records.Select(r => r.Standing));
    }

    [Fact]
    public void A_forged_rejection_cannot_veto()
    {
        var forged = approvers.Reject("carol") with { Signature = approvers.Approve("bob").Signature };

        var check = Check(approvers.Policy(required: 1), approvers.Approve("alice"), forged);

        Assert.True(check.Approved);
    }

    [Fact]
    public void The_description_lists_every_record_with_its_reason()
    {
        var check = Check(approvers.Policy(required: 1), approvers.Approve("alice", TimeSpan.FromHours(2)), approvers.Approve(Author));

        Assert.Equal("""
            1 of 1 required approvals: alice
              approve by alice at 2026-11-28T10:00:00.0000000Z: counts
              approve by dave at 2026-11-28T11:00:00.0000000Z: dave authored the training run and the policy forbids self-approval
            """.Replace("\r", ""), check.Describe());
    }

    [Fact]
    public void No_records_means_nothing_is_approved()
    {
        var check = Check(approvers.Policy(required: 2));

        Assert.False(check.Approved);
        Assert.Equal("0 of 2 required approvals; 2 more needed from: alice, bob, carol; dave authored the training run and may not approve it", check.Verdict);
    }

    ApprovalCheck Check(ApprovalPolicy policy, params ApprovalRecord[] records) =>
        ApprovalVerifier.Check(policy, records, Approvers.Version, Author, Approvers.ModelDigest, Approvers.ImageDigest, Approvers.Now);

    public void Dispose() => approvers.Dispose();
}
