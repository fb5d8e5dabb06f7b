using System.Security.Cryptography;

namespace MlopsBuild.Deployment.Approvals;

/// <summary>Signs approval statements with one approver's ECDSA P-256 private key.</summary>
public sealed class ApprovalSigner : IDisposable
{
    /// <summary>The environment variable the build reads for the path of the approver's private key (PEM).</summary>
    public const string KeyEnvironmentVariable = "MLOPS_APPROVER_KEY";

    readonly ECDsa key;

    /// <summary>Takes ownership of <paramref name="key"/>, which must be a P-256 private key.</summary>
    public ApprovalSigner(ECDsa key)
    {
        if (!ApproverKeys.IsP256(key)) throw new ApprovalKeyException("The approver key is not on curve P-256. Generate one with ApprovalKeyGenerator.");
        this.key = key;
    }

    /// <summary>The public half, as it must appear under the approver's entry in the policy file.</summary>
    public string PublicKey => ApproverKeys.PublicKeyText(key);

    /// <summary>Loads a PEM private key (PKCS#8 or SEC1), refusing files that other users may read.</summary>
    public static ApprovalSigner FromPemFile(string path) => FromPemFile(path, KeyEnvironmentVariable, "approver key");

    /// <param name="variable">The environment variable that named the file, for the remedy.</param>
    /// <param name="keyName">What the key is, in messages: "approver key".</param>
    internal static ApprovalSigner FromPemFile(string path, string variable, string keyName)
    {
        if (!File.Exists(path))
            throw new ApprovalKeyException($"{path}: {keyName} not found. Set {variable} to the private key's path, or generate one with ApprovalKeyGenerator.");
        if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(path) & OthersOrGroup) != 0)
            throw new ApprovalKeyException($"{path}: {keyName} is readable by other users (mode {Convert.ToString((int)File.GetUnixFileMode(path), 8)}). Run 'chmod 600 {path}'.");
        return FromPem(File.ReadAllText(path), path, $"Point {variable} at the private key file ApprovalKeyGenerator wrote.");
    }

    /// <summary>Loads a PEM private key from text; messages name <paramref name="source"/> and never quote the text.</summary>
    internal static ApprovalSigner FromPem(string pem, string source, string remedy)
    {
        var key = ECDsa.Create();
        try
        {
            key.ImportFromPem(pem);
            key.ExportParameters(includePrivateParameters: true); // throws for a public key: a signer needs the private half
            if (!ApproverKeys.IsP256(key)) throw new ApprovalKeyException($"{source}: the key is not on curve P-256. Generate one with ApprovalKeyGenerator.");
            return new ApprovalSigner(key);
        }
        catch (Exception e) when (e is ArgumentException or CryptographicException)
        {
            key.Dispose();
            throw new ApprovalKeyException($"{source}: not a PEM ECDSA private key ({e.Message.TrimEnd('.')}). {remedy}");
        }
        catch
        {
            key.Dispose();
            throw;
        }
    }

    public ApprovalRecord Sign(ApprovalStatement statement)
    {
        var signature = key.SignData(ApprovalCanonicalForm.Bytes(statement), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        return new ApprovalRecord(statement, Convert.ToBase64String(signature));
    }

    public void Dispose() => key.Dispose();

    const UnixFileMode OthersOrGroup = UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;
}
