using System.Security.Cryptography;
using System.Text;

namespace MlopsBuild.Deployment.Approvals;

/// <summary>Creates a key pair for an approver or a GitHub environment: the private key stays in a file only its owner can read.</summary>
public static class ApprovalKeyGenerator
{
    /// <summary>
    /// Writes a new P-256 private key (PKCS#8 PEM, mode 0600) to <paramref name="privateKeyPath"/>, never over an existing
    /// file, and returns the policy entry to paste under <c>approvers:</c>.
    /// </summary>
    public static string Generate(string privateKeyPath, string approverId) =>
        $"  - id: {approverId}\n    public_key: {NewKey(privateKeyPath)}\n";

    /// <summary>
    /// Writes the attestation key of a GitHub environment as <see cref="Generate"/> does and returns the policy's
    /// <c>github_environment</c> section. Store the file's text as that environment's secret (<c>gh secret set … --env …</c>), then delete the file.
    /// </summary>
    public static string GenerateGitHubEnvironmentKey(string privateKeyPath, string environmentName) =>
        $"github_environment:\n  name: {environmentName}\n  public_key: {NewKey(privateKeyPath)}\n";

    /// <returns>The public half as the policy file lists it.</returns>
    static string NewKey(string privateKeyPath)
    {
        if (File.Exists(privateKeyPath))
            throw new ApprovalKeyException($"{privateKeyPath}: a file is already there. Choose another path, or remove the old key if you mean to replace it (and its line in the policy file).");
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        WriteOwnerOnly(privateKeyPath, Encoding.ASCII.GetBytes(key.ExportPkcs8PrivateKeyPem() + "\n"));
        return ApproverKeys.PublicKeyText(key);
    }

    // Written to a temporary file created 0600 and then renamed: the key is never readable by others, not even half-written.
    static void WriteOwnerOnly(string path, byte[] content)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);
        var temporary = Path.Combine(directory, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        try
        {
            using (var stream = new FileStream(temporary, options))
            {
                stream.Write(content);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temporary, path, overwrite: false);
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }
}
