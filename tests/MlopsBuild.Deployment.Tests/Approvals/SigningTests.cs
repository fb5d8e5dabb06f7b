using System.Text;
using MlopsBuild.Deployment.Approvals;
using MlopsBuild.Deployment.Tests.Approvals.Support;

namespace MlopsBuild.Deployment.Tests.Approvals;

public sealed class SigningTests : IDisposable
{
    readonly Approvers approvers = new("alice", "bob");

    [Fact]
    public void A_signed_approval_verifies_with_the_approvers_key_in_the_policy()
    {
        var check = Check(approvers.Policy(required: 1), approvers.Approve("alice"));

        Assert.True(check.Approved);
        Assert.Equal(RecordStanding.Counted, Assert.Single(check.Records).Standing);
    }

    public static TheoryData<string> Fields => ["decision", "approver", "time", "version", "model", "image", "comment"];

    [Theory]
    [MemberData(nameof(Fields))]
    public void Changing_any_signed_field_breaks_the_signature(string field)
    {
        var signed = approvers.Approve("alice");
        var s = signed.Statement;
        var edited = signed with
        {
            Statement = field switch
            {
                "decision" => s with { Decision = ApprovalDecision.Reject },
                "approver" => s with { Approver = "bob" },
                "time" => s with { Time = s.Time.AddTicks(1) },
                "version" => s with { VersionNumber = s.VersionNumber + 1 },
                "model" => s with { ModelDigest = s.ModelDigest[..^1] + "2" },
                "image" => s with { ImageDigest = s.ImageDigest[..^1] + "3" },
                _ => s with { Comment = s.Comment + "!" },
            },
        };

        // Checked against the edited record's own version and digests, so only the signature can refuse it.
        var check = ApprovalVerifier.Check(approvers.Policy(required: 1), [edited], edited.Statement.VersionNumber, "carol",
            edited.Statement.ModelDigest, edited.Statement.ImageDigest, Approvers.Now);

        var assessment = Assert.Single(check.Records);
        Assert.Equal(RecordStanding.BadSignature, assessment.Standing);
        Assert.Contains("edited or forged", assessment.Reason);
        Assert.False(check.Approved);
    }

    public static TheoryData<string> ReviewEdits => ["comment", "reviewer", "run", "attempt", "via stripped"];

    [Theory]
    [MemberData(nameof(ReviewEdits))]
    public void Changing_or_stripping_where_a_review_came_from_breaks_the_signature(string edit)
    {
        var signed = approvers.Reviewed("alice", "alice-gh");
        var s = signed.Statement;
        var via = s.Via!;
        var edited = signed with
        {
            Statement = edit switch
            {
                "comment" => s with { Comment = "approved by the CTO" },
                "reviewer" => s with { Via = via with { Reviewer = "bob-gh" } },
                "run" => s with { Via = via with { RunId = via.RunId + 1 } },
                "attempt" => s with { Via = via with { RunAttempt = via.RunAttempt + 1 } },
                _ => s with { Via = null },
            },
        };
        var policy = approvers.GitHubPolicy(1, new Dictionary<string, string> { ["alice"] = "alice-gh", ["bob"] = "bob-gh" });

        var check = ApprovalVerifier.Check(policy, [edited], Approvers.Version, "carol", Approvers.ModelDigest, Approvers.ImageDigest, Approvers.Now);

        Assert.Equal(RecordStanding.BadSignature, Assert.Single(check.Records).Standing);
        Assert.True(ApprovalVerifier.Check(policy, [signed], Approvers.Version, "carol", Approvers.ModelDigest, Approvers.ImageDigest, Approvers.Now).Approved);
    }

    [Fact]
    public void A_record_signed_with_someone_elses_key_is_a_forgery()
    {
        var bobsSignature = approvers.Approve("bob").Signature;
        var forged = approvers.Approve("alice") with { Signature = bobsSignature };

        Assert.Equal(RecordStanding.BadSignature, Assert.Single(Check(approvers.Policy(required: 1), forged).Records).Standing);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not base64!")]
    [InlineData("AAAA")]
    public void A_malformed_signature_is_refused_not_thrown(string signature)
    {
        var record = approvers.Approve("alice") with { Signature = signature };

        Assert.Equal(RecordStanding.BadSignature, Assert.Single(Check(approvers.Policy(required: 1), record).Records).Standing);
    }

    [Fact]
    public void A_value_holding_a_newline_cannot_pose_as_the_next_field()
    {
        // Without lengths, these two would both read "…comment:a\nx" once the fields were concatenated.
        var time = Approvers.Now;
        var one = new ApprovalStatement(ApprovalDecision.Approve, "alice", time, 7, "m", "i\ncomment:a", "x");
        var two = new ApprovalStatement(ApprovalDecision.Approve, "alice", time, 7, "m", "i", "a\nx");

        Assert.NotEqual(ApprovalCanonicalForm.Bytes(one), ApprovalCanonicalForm.Bytes(two));
    }

    [Fact]
    public void The_canonical_form_is_fixed_text_with_utc_time_and_byte_lengths()
    {
        var statement = new ApprovalStatement(ApprovalDecision.Approve, "alice", new DateTimeOffset(2026, 11, 28, 21, 8, 20, TimeSpan.FromHours(2)),
            7, "sha256:ab", "sha256:cd", "größe ok");

        Assert.Equal(
            "mlops-approval/1\ndecision:7:approve\napprover:5:alice\ntime:28:2026-11-28T19:08:20.0000000Z\nversion:1:7\n" +
            "model-digest:9:sha256:ab\nimage-digest:9:sha256:cd\ncomment:10:größe ok\n",
            Encoding.UTF8.GetString(ApprovalCanonicalForm.Bytes(statement)));
    }

    [Fact]
    public void A_review_adds_its_origin_as_the_last_line()
    {
        var statement = new ApprovalStatement(ApprovalDecision.Reject, "alice", new DateTimeOffset(2026, 11, 28, 19, 8, 20, TimeSpan.Zero),
            7, "sha256:ab", "sha256:cd", "", new GitHubReviewOrigin("factory", 123, 1, "alice-gh"));

        Assert.Equal(
            "mlops-approval/1\ndecision:6:reject\napprover:5:alice\ntime:28:2026-11-28T19:08:20.0000000Z\nversion:1:7\n" +
            "model-digest:9:sha256:ab\nimage-digest:9:sha256:cd\ncomment:0:\nvia:64:github-environment factory, run 123 attempt 1, reviewer alice-gh\n",
            Encoding.UTF8.GetString(ApprovalCanonicalForm.Bytes(statement)));
    }

    static ApprovalCheck Check(ApprovalPolicy policy, params ApprovalRecord[] records) =>
        ApprovalVerifier.Check(policy, records, Approvers.Version, "carol", Approvers.ModelDigest, Approvers.ImageDigest, Approvers.Now);

    public void Dispose() => approvers.Dispose();
}
