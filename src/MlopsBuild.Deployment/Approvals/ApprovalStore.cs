using System.Security.Cryptography;
using System.Text;
using MlopsBuild.Core.IO;

namespace MlopsBuild.Deployment.Approvals;

/// <summary>
/// Approval records as files, one per decision, written atomically and never overwritten:
/// <c>{directory}/v7/20261128T190820.1234567Z-alice-approve-3f9a0c1b.json</c> (the suffix is from the signature,
/// so two decisions never share a name). The folder name only files a record; what it is about is what it signed.
/// </summary>
public sealed class ApprovalStore(string directory)
{
    public string Directory { get; } = directory;

    /// <returns>The path of the new file.</returns>
    public string Save(ApprovalRecord record)
    {
        var s = record.Statement;
        var name = string.Join('-',
            s.Time.UtcDateTime.ToString("yyyyMMdd'T'HHmmss.fffffff'Z'", System.Globalization.CultureInfo.InvariantCulture),
            SafeName(s.Approver),
            ApprovalCanonicalForm.DecisionName(s.Decision),
            Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(record.Signature)))[..8]) + ".json";
        var path = Path.Combine(VersionFolder(s.VersionNumber), name);
        if (File.Exists(path)) throw new IOException($"{path}: this exact approval is already recorded.");
        AtomicFile.WriteAllBytes(path, ApprovalRecordJson.Write(record));
        return path;
    }

    /// <summary>Every record filed under the version, oldest file name first; none when nothing was recorded.</summary>
    public IReadOnlyList<ApprovalRecord> ListFor(int versionNumber)
    {
        var folder = VersionFolder(versionNumber);
        if (!System.IO.Directory.Exists(folder)) return [];
        return System.IO.Directory.GetFiles(folder, "*.json")
            .Order(StringComparer.Ordinal)
            .Select(path => ApprovalRecordJson.Read(File.ReadAllBytes(path), path))
            .ToList();
    }

    string VersionFolder(int versionNumber) => Path.Combine(Directory, $"v{versionNumber}");

    static string SafeName(string approver) =>
        new(approver.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' ? c : '_').ToArray());
}
