using System.Security.Cryptography;
using MlopsBuild.Deployment.Approvals;
using MlopsBuild.Testing;

namespace MlopsBuild.Deployment.Tests.Approvals;

public sealed class PolicyFileTests
{
    const string File = "deploy/approval-policy.yaml";
    static readonly string AliceKey = NewKey();
    static readonly string BobKey = NewKey();
    static readonly string FactoryKey = NewKey();

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

    [Fact]
    public void A_github_environment_and_github_logins_are_read()
    {
        var policy = ApprovalPolicyFile.Parse($"""
            required_approvals: 1
            github_environment:
              name: factory
              public_key: {FactoryKey}
            approvers:
              - id: alice
                public_key: {AliceKey}
                github_login: alice-gh
              - id: bob
                public_key: {BobKey}
            """, File);

        Assert.Equal(new GitHubEnvironmentAttestation("factory", FactoryKey), policy.GitHubEnvironment);
        Assert.Equal([new Approver("alice", AliceKey, "alice-gh"), new Approver("bob", BobKey)], policy.Approvers);
        Assert.Same(policy.Approvers[0], policy.FindByGitHubLogin("ALICE-GH"));
        Assert.Null(policy.FindByGitHubLogin("bob"));
        Assert.Same(policy.Approvers[0], policy.FindByIdOrGitHubLogin("alice-gh"));
    }

    static string GitHubPolicy(string environment, string aliceExtra = "    github_login: alice-gh\n", string bobExtra = "") =>
        $"required_approvals: 1\n{environment}approvers:\n  - id: alice\n    public_key: {AliceKey}\n{aliceExtra}  - id: bob\n    public_key: {BobKey}\n{bobExtra}";

    static string Environment(string body) => "github_environment:\n" + body;

    public static TheoryData<string, string> BadGitHubPolicies => new()
    {
        { GitHubPolicy("github_environment: factory\n"), "(2,21): github_environment must be a mapping with 'name' and 'public_key'. Write" },
        { GitHubPolicy(Environment($"  name: factory\n  key: {FactoryKey}\n")), "(4,3): unknown key 'key' in github_environment. Known keys: name, public_key." },
        { GitHubPolicy(Environment($"  public_key: {FactoryKey}\n")), "(3,3): github_environment has no name. Add 'name: <environment>'" },
        { GitHubPolicy(Environment("  name: factory\n")), "(3,3): github_environment has no public_key. Paste the lines ApprovalKeyGenerator.GenerateGitHubEnvironmentKey printed" },
        { GitHubPolicy(Environment("  name: factory\n  public_key: not base64!\n")), "(4,15): the public_key of github_environment is not an ECDSA public key (not base64)." },
        { GitHubPolicy(Environment($"  name: factory\n  public_key: {BobKey}\n")), "(4,15): github_environment has the same public key as approver 'bob'. Give the environment its own key pair" },
        { GitHubPolicy(Environment($"  name: factory\n  public_key: {FactoryKey}\n"), aliceExtra: ""), "(3,3): github_environment is set but no approver has a github_login. Add 'github_login: <login>' to each approver who reviews deployments to 'factory'" },
        { GitHubPolicy("", aliceExtra: "    github_login: alice_gh\n"), "(5,19): github_login 'alice_gh' of 'alice' is not a GitHub login." },
        { GitHubPolicy("", aliceExtra: "    github_login: -alice\n"), "(5,19): github_login '-alice' of 'alice' is not a GitHub login." },
        { GitHubPolicy("", bobExtra: "    github_login: Alice-GH\n"), "(8,19): github_login 'Alice-GH' of 'bob' already names approver 'alice'. Each id and github_login must name one person" },
        { GitHubPolicy("", bobExtra: "    github_login: alice\n"), "(8,19): github_login 'alice' of 'bob' already names approver 'alice'." },
        { GitHubPolicy("", aliceExtra: "    github_login: bob\n"), "(6,9): approver id 'bob' is the github_login of 'alice'. Each id and github_login must name one person" },
    };

    [Theory]
    [MemberData(nameof(BadGitHubPolicies))]
    public void Each_github_problem_names_the_line_and_the_fix(string text, string expected)
    {
        var error = Assert.Throws<ApprovalPolicyException>(() => ApprovalPolicyFile.Parse(text, File));

        Assert.Contains(File + expected, error.Message);
    }

    public static TheoryData<string, string> BadPolicies => new()
    {
        { "required_approvals: 1\napprover:\n  - id: alice\n", "(2,1): unknown key 'approver' in the policy. Known keys: required_approvals, approvers, forbid_self_approval, max_age, github_environment. Did you mean 'approvers'?" },
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
