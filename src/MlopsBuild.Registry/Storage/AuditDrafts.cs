using System.Globalization;
using MlopsBuild.Registry.Audit;
using MlopsBuild.Registry.Versions;

namespace MlopsBuild.Registry.Storage;

/// <summary>The entries the registry writes about a registration: the version itself, then its gate result.</summary>
internal static class AuditDrafts
{
    public const string RecordKey = "record";

    public static IReadOnlyList<AuditDraft> ForRegistration(ModelVersion version, string recordSha256, DateTimeOffset at, string actor, bool recovered)
    {
        var register = new Dictionary<string, string> { [RecordKey] = recordSha256 };
        foreach (var (name, artifact) in version.Artifacts) register["artifact:" + name] = artifact.Sha256;
        var failed = version.Checks.Count(c => !c.Passed);
        var gate = new Dictionary<string, string>
        {
            ["result"] = version.Accepted ? "passed" : "failed",
            ["checks"] = version.Checks.Count.ToString(CultureInfo.InvariantCulture),
            ["failed"] = failed.ToString(CultureInfo.InvariantCulture),
        };
        if (recovered)
        {
            // Written by the next writer after a crash between the record and its audit entries.
            register["recovered"] = gate["recovered"] = "true";
            register["registeredAt"] = version.RegisteredAt.ToString("O", CultureInfo.InvariantCulture);
        }
        var gateReason = version.Accepted ? $"passed {version.Checks.Count} checks" : string.Join("; ", version.RejectionReasons);
        return
        [
            new AuditDraft(at, actor, AuditActions.Register, version.Number, $"{version.Lineage.Trainer} by {version.RegisteredBy}", register),
            new AuditDraft(at, actor, AuditActions.Gate, version.Number, gateReason, gate),
        ];
    }
}
