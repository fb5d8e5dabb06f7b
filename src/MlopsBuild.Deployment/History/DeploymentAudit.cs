using System.Globalization;
using MlopsBuild.Containers.Distribution;
using MlopsBuild.Deployment.Environments;
using MlopsBuild.Deployment.Rollouts;
using MlopsBuild.Registry.Audit;
using MlopsBuild.Registry.Versions;

namespace MlopsBuild.Deployment.History;

/// <summary>
/// The audit events of a model's way to production, in one vocabulary: which image a version was packaged as, each
/// deployment, promotion and rollback. The registry's log is append-only and hash-chained, so this is also the record
/// <see cref="PromotionHistory"/> reads back.
/// </summary>
public static class DeploymentAudit
{
    public const string Package = "package";
    public const string Deploy = "deploy";
    public const string Promote = "promote";
    public const string Rollback = "rollback";
    public const string Approve = "approve";
    public const string Reject = "reject";

    public const string ImageKey = "image";
    public const string EnvironmentKey = "environment";
    public const string SlotKey = "slot";
    public const string PreviousKey = "previous";
    public const string AutomaticKey = "automatic";
    public const string SecondsKey = "seconds_to_serving";

    public static AuditEvent Packaged(int version, ImageDigestReference image, IReadOnlyDictionary<string, string> details) =>
        new(Package, version, $"image {image}", new Dictionary<string, string>(details) { [ImageKey] = image.ToString() });

    /// <param name="action"><see cref="Deploy"/>, <see cref="Promote"/> or <see cref="Rollback"/>.</param>
    public static AuditEvent Deployed(string action, int version, DeploymentOutcome outcome, string reason) =>
        new(action, version, reason, new Dictionary<string, string>
        {
            [EnvironmentKey] = outcome.Environment,
            [ImageKey] = outcome.Image.ToString(),
            [SlotKey] = outcome.Slot.Name(),
            [PreviousKey] = outcome.PreviousLabel ?? "",
            [SecondsKey] = outcome.TimeToServing.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture),
        });

    /// <summary>A promotion that failed its check through the router and was switched back to <paramref name="restored"/>.</summary>
    public static AuditEvent SwitchedBack(string environment, int failedVersion, int? restored, string reason) =>
        new(Rollback, restored, reason, new Dictionary<string, string>
        {
            [EnvironmentKey] = environment,
            [AutomaticKey] = "true",
            ["from"] = VersionLabel.Of(failedVersion),
        });

    /// <summary>The image a version was last packaged as (in the repository it was pushed to); null when it never was.</summary>
    public static ImageDigestReference? PackagedImage(IEnumerable<AuditEntry> audit, int version) =>
        audit.LastOrDefault(e => e.Action == Package && e.Version == version && e.Details.ContainsKey(ImageKey)) is { } entry
            ? ImageDigestReference.Parse(entry.Details[ImageKey])
            : null;
}
