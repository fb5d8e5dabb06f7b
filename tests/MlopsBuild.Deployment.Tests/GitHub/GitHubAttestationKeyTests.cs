using System.Security.Cryptography;
using MlopsBuild.Deployment.Approvals;
using MlopsBuild.Deployment.GitHub;
using MlopsBuild.Testing;

namespace MlopsBuild.Deployment.Tests.GitHub;

public sealed class GitHubAttestationKeyTests
{
    [Fact]
    public void The_key_is_read_from_PEM_text_as_a_secret_passes_it()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var expected = new ApprovalSigner(ECDsa.Create(key.ExportParameters(includePrivateParameters: true)));

        using var signer = Read(key.ExportPkcs8PrivateKeyPem());

        Assert.Equal(expected.PublicKey, signer.PublicKey);
    }

    [Fact]
    public void The_key_is_read_from_a_file_when_the_variable_holds_a_path()
    {
        using var directory = new TemporaryDirectory();
        var path = directory.File("factory.pem");
        var section = ApprovalKeyGenerator.GenerateGitHubEnvironmentKey(path, "factory");

        using var signer = Read(path);

        Assert.Contains($"public_key: {signer.PublicKey}\n", section);
    }

    [Fact]
    public void An_unset_variable_says_how_to_pass_the_secret()
    {
        var error = Assert.Throws<ApprovalKeyException>(() => Read(null));

        Assert.Equal("MLOPS_GITHUB_ATTESTATION_KEY is not set, so the run's environment reviews cannot be signed. Store the key's PEM text as a " +
            "secret of the environment and give the Promote job 'env: MLOPS_GITHUB_ATTESTATION_KEY: ${{ secrets.MLOPS_GITHUB_ATTESTATION_KEY }}'.", error.Message);
    }

    [Theory]
    [InlineData("-----BEGIN PRIVATE KEY-----\nc2VjcmV0LXNlY3JldA==\n-----END PRIVATE KEY-----", "MLOPS_GITHUB_ATTESTATION_KEY: not a PEM ECDSA private key (")]
    [InlineData("c2VjcmV0LXNlY3JldA==", "MLOPS_GITHUB_ATTESTATION_KEY holds neither PEM text ('-----BEGIN PRIVATE KEY-----…') nor the path of a file. ")]
    public void A_value_that_is_not_a_key_is_refused_without_printing_it(string value, string expected)
    {
        var error = Assert.Throws<ApprovalKeyException>(() => Read(value));

        Assert.StartsWith(expected, error.Message);
        Assert.EndsWith("Set MLOPS_GITHUB_ATTESTATION_KEY to the text of the file ApprovalKeyGenerator.GenerateGitHubEnvironmentKey wrote, or to its path.", error.Message);
        Assert.DoesNotContain("c2VjcmV0", error.Message);
    }

    static ApprovalSigner Read(string? value) =>
        GitHubAttestationKey.FromEnvironment(name => name == GitHubAttestationKey.EnvironmentVariable ? value : null);
}
