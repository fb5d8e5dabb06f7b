using System.Security.Cryptography;
using MlopsBuild.Deployment.Approvals;
using MlopsBuild.Testing;

namespace MlopsBuild.Deployment.Tests.Approvals;

public sealed class PolicyFileTests
{
    const string File = "deploy/approval-policy.yaml";
    static readonly string AliceKey = NewKey();
    static readonly string BobKey = NewKey();

    [Fact]
    public void A_policy_reads_with_defaults_and_both_key_forms()
    {
        using var key = ECDsa.Create();
        key.ImportSubjectPublicKeyInfo(Convert.FromBase64String(BobKey), out _);
        var pem = key.ExportSubjectPublicKeyInfoPem().Replace("\n", "\n      ");

        var policy = ApprovalPolicyFile.Parse($"""
            required_approvals: 2
            approvers:
              - id: alice
                public_key: {AliceKey}
              - id: bob
                public_key: |
                  {pem}
            """, File);

        Assert.Equal(2, policy.RequiredApprovals);
        Assert.True(policy.ForbidSelfApproval);
        Assert.Null(policy.MaxAge);
        Assert.Equal([new Approver("alice", AliceKey), new Approver("bob", BobKey)], policy.Approvers);
        Assert.Same(policy.Approvers[1], policy.Find("BOB"));
    }

    [Fact]
    public void Optional_settings_are_read()
    {
        var policy = ApprovalPolicyFile.Parse($"required_approvals: 1\nforbid_self_approval: false\nmax_age: 12h\napprovers:\n  - id: alice\n    public_key: {AliceKey}\n", File);

        Assert.False(policy.ForbidSelfApproval);
        Assert.Equal(TimeSpan.FromHours(12), policy.MaxAge);
    }

    public static TheoryData<string, string> BadPolicies => new()
    {
        { "required_approvals: 1\napprover:\n  - id: alice\n", "(2,1): unknown key 'approver' in the policy. Known keys: required_approvals, approvers, forbid_self_approval, max_age. Did you mean 'approvers'?" },
        { $"required_approvals: 1\napprovers:\n  - id: alice\n    public_key: {AliceKey}\n    email: a@example.com\n", "(5,5): unknown key 'email' in an approver." },
        { "required_approvals: 1\napprovers:\n  - id: alice\n    public_key: -----BEGIN PUBLIC KEY-----\n", "(4,17): the public_key of 'alice' is not an ECDSA public key (no complete PEM 'PUBLIC KEY' block). Paste" },
        { "required_approvals: 1\napprovers:\n  - id: alice\n    public_key: bm90IGEga2V5\n", "(4,17): the public_key of 'alice' is not an ECDSA public key (not a SubjectPublicKeyInfo). Paste" },
        { "required_approvals: 1\napprovers:\n  - id: alice\n    public_key: not base64!\n", "(4,17): the public_key of 'alice' is not an ECDSA public key (not base64). Paste" },
        { $"required_approvals: 1\napprovers:\n  - id: alice\n    public_key: {P384Key()}\n", "(4,17): the public_key of 'alice' is not on curve P-256." },
        { $"required_approvals: 3\napprovers:\n  - id: alice\n    public_key: {AliceKey}\n  - id: bob\n    public_key: {BobKey}\n", "(1,21): required_approvals is 3 but only 2 approver(s) are listed. Lower required_approvals or list more approvers." },
        { $"required_approvals: 0\napprovers:\n  - id: alice\n    public_key: {AliceKey}\n", "(1,21): required_approvals must be a whole number of at least 1, not '0'." },
        { $"approvers:\n  - id: alice\n    public_key: {AliceKey}\n", "(1,1): required_approvals is missing." },
        { "required_approvals: 1\n", "(1,1): approvers is missing." },
        { "required_approvals: 1\napprovers: []\n", "(2,12): approvers must be a non-empty list." },
        { $"required_approvals: 1\napprovers:\n  - id: alice\n    public_key: {AliceKey}\n  - id: Alice\n    public_key: {BobKey}\n", "(5,9): approver 'Alice' is listed twice." },
        { $"required_approvals: 1\napprovers:\n  - id: alice\n    public_key: {AliceKey}\n  - id: bob\n    public_key: {AliceKey}\n", "(6,17): approver 'bob' has the same public key as 'alice'." },
        { "required_approvals: 1\napprovers:\n  - public_key: x\n", "(3,5): an approver has no id." },
        { "required_approvals: 1\napprovers:\n  - id: alice\n", "(3,5): approver 'alice' has no public_key." },
        { "required_approvals: 1\napprovers:\n  - id: 'alice smith'\n    public_key: x\n", "(3,9): 'alice smith' is not a usable approver id." },
        { $"required_approvals: 1\nmax_age: 30 days\napprovers:\n  - id: alice\n    public_key: {AliceKey}\n", "(2,10): max_age '30 days' is not a duration." },
        { $"required_approvals: 1\nforbid_self_approval: maybe\napprovers:\n  - id: alice\n    public_key: {AliceKey}\n", "(2,23): forbid_self_approval must be true or false, not 'maybe'." },
        { "required_approvals: 1\napprovers:\n  - id: alice\n   public_key: x\n", "(4,4): not valid YAML" },
        { "required_approvals: 1\nrequired_approvals: 2\n", "(2,1): not valid YAML: Duplicate key required_approvals. Keep one entry per key." },
        { "- required_approvals\n", "(1,1): the policy must be a mapping of keys to values." },
        { "", ": the policy file is empty." },
    };

    [Theory]
    [MemberData(nameof(BadPolicies))]
    public void Each_problem_names_the_line_and_the_fix(string text, string expected)
    {
        var error = Assert.Throws<ApprovalPolicyException>(() => ApprovalPolicyFile.Parse(text, File));

        Assert.Contains(File + expected, error.Message);
    }

    [Fact]
    public void A_missing_policy_file_says_what_to_commit()
    {
        using var directory = new TemporaryDirectory();
        var path = directory.File(File);

        var error = Assert.Throws<ApprovalPolicyException>(() => ApprovalPolicyFile.Load(path));

        Assert.StartsWith($"{path}: approval policy not found. Commit one", error.Message);
    }

    [Fact]
    public void Loading_reads_the_file()
    {
        using var directory = new TemporaryDirectory();
        var path = directory.Write(File, $"required_approvals: 1\napprovers:\n  - id: alice\n    public_key: {AliceKey}\n");

        Assert.Equal("alice", Assert.Single(ApprovalPolicyFile.Load(path).Approvers).Id);
    }

    static string NewKey()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return Convert.ToBase64String(key.ExportSubjectPublicKeyInfo());
    }

    static string P384Key()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP384);
        return Convert.ToBase64String(key.ExportSubjectPublicKeyInfo());
    }
}
