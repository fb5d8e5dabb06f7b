using System.Runtime.Versioning;
using MlopsBuild.Deployment.Approvals;
using MlopsBuild.Deployment.Tests.Approvals.Support;
using MlopsBuild.Testing;

namespace MlopsBuild.Deployment.Tests.Approvals;

public sealed class KeyTests
{
    [Fact]
    public void A_generated_key_is_private_to_its_owner_and_its_policy_line_verifies_its_signatures()
    {
        using var directory = new TemporaryDirectory();
        var keyPath = directory.File("keys/alice.pem");

        var policyLine = ApprovalKeyGenerator.Generate(keyPath, "alice");

        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(keyPath));
        Assert.StartsWith("-----BEGIN PRIVATE KEY-----", File.ReadAllText(keyPath));
        Assert.Equal(["alice.pem"], Directory.GetFiles(directory.File("keys")).Select(Path.GetFileName));
        var policy = ApprovalPolicyFile.Parse("required_approvals: 1\napprovers:\n" + policyLine, "policy.yaml");
        using var signer = ApprovalSigner.FromPemFile(keyPath);
        Assert.Equal(policy.Approvers[0].PublicKey, signer.PublicKey);
        var record = signer.Sign(new ApprovalStatement(ApprovalDecision.Approve, "alice", Approvers.Now, Approvers.Version,
            Approvers.ModelDigest, Approvers.ImageDigest, "ok"));
        Assert.True(ApprovalVerifier.Check(policy, [record], Approvers.Version, "dave", Approvers.ModelDigest, Approvers.ImageDigest, Approvers.Now).Approved);
    }

    [Fact]
    public void A_generated_environment_key_gives_the_policy_section_its_signatures_verify_with()
    {
        using var directory = new TemporaryDirectory();
        var keyPath = directory.File("factory.pem");

        var section = ApprovalKeyGenerator.GenerateGitHubEnvironmentKey(keyPath, "factory");

        using var alice = new Approvers("alice");
        var policy = ApprovalPolicyFile.Parse(section + $"required_approvals: 1\napprovers:\n  - id: alice\n    public_key: {alice.Policy(1).Approvers[0].PublicKey}\n" +
            "    github_login: alice-gh\n", "policy.yaml");
        using var signer = ApprovalSigner.FromPemFile(keyPath);
        Assert.Equal(new GitHubEnvironmentAttestation("factory", signer.PublicKey), policy.GitHubEnvironment);
        var review = signer.Sign(new ApprovalStatement(ApprovalDecision.Approve, "alice", Approvers.Now, Approvers.Version,
            Approvers.ModelDigest, Approvers.ImageDigest, "", new GitHubReviewOrigin("factory", 1, 1, "alice-gh")));
        Assert.True(ApprovalVerifier.Check(policy, [review], Approvers.Version, "dave", Approvers.ModelDigest, Approvers.ImageDigest, Approvers.Now).Approved);
    }

    [Fact]
    public void Generating_never_overwrites_an_existing_key()
    {
        using var directory = new TemporaryDirectory();
        var keyPath = directory.Write("alice.pem", "old key");

        var error = Assert.Throws<ApprovalKeyException>(() => ApprovalKeyGenerator.Generate(keyPath, "alice"));

        Assert.Equal($"{keyPath}: a file is already there. Choose another path, or remove the old key if you mean to replace it (and its line in the policy file).", error.Message);
        Assert.Equal("old key", File.ReadAllText(keyPath));
    }

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public void A_key_others_can_read_is_refused()
    {
        using var directory = new TemporaryDirectory();
        var keyPath = directory.File("alice.pem");
        ApprovalKeyGenerator.Generate(keyPath, "alice");
        File.SetUnixFileMode(keyPath, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        var error = Assert.Throws<ApprovalKeyException>(() => ApprovalSigner.FromPemFile(keyPath));

        Assert.Equal($"{keyPath}: approver key is readable by other users (mode 644). Run 'chmod 600 {keyPath}'.", error.Message);
    }

    [Fact]
    public void A_missing_key_names_the_environment_variable()
    {
        var error = Assert.Throws<ApprovalKeyException>(() => ApprovalSigner.FromPemFile("/nonexistent/alice.pem"));

        Assert.StartsWith("/nonexistent/alice.pem: approver key not found. Set MLOPS_APPROVER_KEY", error.Message);
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n")]
    [InlineData("public half of a real key")]
    public void A_file_that_is_not_a_private_key_is_refused(string content)
    {
        using var directory = new TemporaryDirectory();
        if (content == "public half of a real key")
        {
            using var key = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256);
            content = key.ExportSubjectPublicKeyInfoPem();
        }
        var keyPath = directory.Write("alice.pem", content);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(keyPath, UnixFileMode.UserRead | UnixFileMode.UserWrite);

        var error = Assert.Throws<ApprovalKeyException>(() => ApprovalSigner.FromPemFile(keyPath));

        Assert.StartsWith($"{keyPath}: not a PEM ECDSA private key", error.Message);
    }
}
