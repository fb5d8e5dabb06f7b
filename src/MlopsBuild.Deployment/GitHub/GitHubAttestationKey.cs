using MlopsBuild.Deployment.Approvals;

namespace MlopsBuild.Deployment.GitHub;

/// <summary>
/// The GitHub environment's attestation key, from <see cref="EnvironmentVariable"/>: the PEM text itself (as a GitHub secret
/// passes it) or the path of a PEM file. Messages never quote the variable's value.
/// </summary>
public static class GitHubAttestationKey
{
    public const string EnvironmentVariable = "MLOPS_GITHUB_ATTESTATION_KEY";

    public static ApprovalSigner FromEnvironment() => FromEnvironment(Environment.GetEnvironmentVariable);

    public static ApprovalSigner FromEnvironment(Func<string, string?> variable)
    {
        var value = variable(EnvironmentVariable);
        if (string.IsNullOrWhiteSpace(value))
            throw new ApprovalKeyException(
                $"{EnvironmentVariable} is not set, so the run's environment reviews cannot be signed. Store the key's PEM text as a secret " +
                $"of the environment and give the Promote job 'env: {EnvironmentVariable}: ${{{{ secrets.{EnvironmentVariable} }}}}'.");
        const string Remedy = $"Set {EnvironmentVariable} to the text of the file ApprovalKeyGenerator.GenerateGitHubEnvironmentKey wrote, or to its path.";
        if (value.TrimStart().StartsWith("-----BEGIN", StringComparison.Ordinal)) return ApprovalSigner.FromPem(value, EnvironmentVariable, Remedy);
        // Not named in the message: a mistyped secret would otherwise be printed in the log.
        if (!File.Exists(value))
            throw new ApprovalKeyException($"{EnvironmentVariable} holds neither PEM text ('-----BEGIN PRIVATE KEY-----…') nor the path of a file. {Remedy}");
        return ApprovalSigner.FromPemFile(value, EnvironmentVariable, "attestation key");
    }
}
