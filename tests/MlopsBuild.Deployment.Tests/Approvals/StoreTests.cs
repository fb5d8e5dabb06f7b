using MlopsBuild.Deployment.Approvals;
using MlopsBuild.Deployment.Tests.Approvals.Support;
using MlopsBuild.Testing;

namespace MlopsBuild.Deployment.Tests.Approvals;

public sealed class StoreTests : IDisposable
{
    readonly Approvers approvers = new("alice", "bob");
    readonly TemporaryDirectory directory = new();

    [Fact]
    public void Records_come_back_per_version_exactly_as_signed()
    {
        var store = new ApprovalStore(directory.Path);
        var alice = approvers.Approve("alice", TimeSpan.FromHours(2));
        var bob = approvers.Reject("bob", TimeSpan.FromHours(1), comment: "latency \"p99\" ↑\nsee report");
        var other = approvers.Approve("alice", version: 8);

        var path = store.Save(alice);
        store.Save(bob);
        store.Save(other);

        Assert.Equal(Path.Combine(directory.Path, "v7"), Path.GetDirectoryName(path));
        Assert.Equal([alice, bob], store.ListFor(7));
        Assert.Equal([other], store.ListFor(8));
        Assert.Empty(store.ListFor(9));
    }

    [Fact]
    public void The_same_record_is_not_saved_twice()
    {
        var store = new ApprovalStore(directory.Path);
        var record = approvers.Approve("alice");
        store.Save(record);

        Assert.Throws<IOException>(() => store.Save(record));
        Assert.Single(store.ListFor(7));
    }

    [Fact]
    public void A_record_edited_on_disk_no_longer_verifies()
    {
        var store = new ApprovalStore(directory.Path);
        var path = store.Save(approvers.Approve("alice"));
        File.WriteAllText(path, File.ReadAllText(path).Replace(Approvers.ImageDigest, "sha256:" + new string('3', 64)));

        var record = Assert.Single(store.ListFor(7));
        var check = ApprovalVerifier.Check(approvers.Policy(1), [record], 7, "dave", Approvers.ModelDigest, record.Statement.ImageDigest, Approvers.Now);

        Assert.Equal(RecordStanding.BadSignature, Assert.Single(check.Records).Standing);
    }

    [Fact]
    public void A_review_keeps_its_origin_and_a_record_without_one_gains_no_via_field()
    {
        var store = new ApprovalStore(directory.Path);
        var review = approvers.Reviewed("alice", "alice-gh");
        var approval = approvers.Approve("bob");

        var reviewPath = store.Save(review);
        var approvalPath = store.Save(approval);

        Assert.Contains("\"via\": \"github-environment factory, run 123 attempt 1, reviewer alice-gh\"", File.ReadAllText(reviewPath));
        Assert.DoesNotContain("via", File.ReadAllText(approvalPath));
        Assert.Equal([review, approval], store.ListFor(7));
    }

    [Theory]
    [InlineData("run 123", "run 0123")]
    [InlineData("reviewer alice-gh", "reviewer alice gh")]
    [InlineData("github-environment factory", "environment factory")]
    public void A_review_whose_origin_is_not_in_the_one_written_form_is_named(string find, string replace)
    {
        var store = new ApprovalStore(directory.Path);
        var path = store.Save(approvers.Reviewed("alice", "alice-gh"));
        File.WriteAllText(path, ReplaceFirst(File.ReadAllText(path), find, replace));

        var error = Assert.Throws<ApprovalRecordException>(() => store.ListFor(7));

        Assert.StartsWith($"{path}: via '", error.Message);
        Assert.Contains("' is not 'github-environment <name>, run <id> attempt <n>, reviewer <login>'. Restore the file", error.Message);
    }

    public static TheoryData<string, string> Damage => new()
    {
        { "\"comment\": \"", "\"note\": \"x\", \"comment\": \"" },
        { "\"version\": 7", "\"version\": \"7\"" },
        { "\"decision\": \"approve\"", "\"decision\": \"yes\"" },
        { "Z\",", "+01:00\"," },
        { "{", "[" },
    };

    [Theory]
    [MemberData(nameof(Damage))]
    public void A_damaged_file_is_named_with_what_is_wrong(string find, string replace)
    {
        var store = new ApprovalStore(directory.Path);
        var path = store.Save(approvers.Approve("alice"));
        File.WriteAllText(path, ReplaceFirst(File.ReadAllText(path), find, replace));

        var error = Assert.Throws<ApprovalRecordException>(() => store.ListFor(7));

        Assert.StartsWith(path + ": ", error.Message);
        Assert.EndsWith("Restore the file from where it was recorded, or delete it and approve again.", error.Message);
    }

    [Theory]
    [InlineData(new byte[] { 0xE9 }, "(0xE9) is not valid UTF-8")]   // "é" saved as Latin-1
    [InlineData(new byte[] { (byte)'\\', (byte)'u', (byte)'D', (byte)'8', (byte)'0', (byte)'0' }, "escapes half of a surrogate pair")]
    public void A_file_whose_text_is_not_utf8_is_named_with_the_byte(byte[] inComment, string problem)
    {
        var store = new ApprovalStore(directory.Path);
        var path = store.Save(approvers.Approve("alice"));
        var bytes = File.ReadAllBytes(path).ToList();
        var comment = System.Text.Encoding.UTF8.GetBytes("\"comment\": \"");
        var at = bytes.ToArray().AsSpan().IndexOf(comment) + comment.Length;
        bytes.InsertRange(at, inComment);
        File.WriteAllBytes(path, bytes.ToArray());

        var error = Assert.Throws<ApprovalRecordException>(() => store.ListFor(7));

        Assert.StartsWith(path + ": ", error.Message);
        Assert.Contains(problem, error.Message);
        Assert.EndsWith("Restore the file from where it was recorded, or delete it and approve again.", error.Message);
    }

    static string ReplaceFirst(string text, string find, string replace)
    {
        var at = text.IndexOf(find, StringComparison.Ordinal);
        Assert.True(at >= 0, $"'{find}' not in the file");
        return text[..at] + replace + text[(at + find.Length)..];
    }

    public void Dispose()
    {
        approvers.Dispose();
        directory.Dispose();
    }
}
