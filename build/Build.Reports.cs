using System.Globalization;
using MlopsBuild.Containers.Distribution;
using MlopsBuild.Containers.Images;
using MlopsBuild.Deployment.Environments;
using MlopsBuild.Deployment.Rollouts;
using MlopsBuild.Registry.Versions;

/// <summary>
/// The facts the packaging and deployment stages add to the run's report (artifacts/summary.md, and the job summary on
/// GitHub Actions); the data and model stages report with their libraries' own Markdown.
/// </summary>
partial class Build
{
    static string ImageReport(ModelVersion version, BuiltImage image, ImageDigestReference pushed, string baseImage, int smokeRows) => Table(
        ("Image", $"`{pushed}`"),
        ("Model version", version.Label),
        ("Size", Megabytes(image.Size)),
        ("Base image", $"`{baseImage}`"),
        ("Smoke test", $"predictions on {smokeRows} test rows equal offline scoring"));

    /// <param name="sinceStart">For a promotion: from the start of the target, which also copies the image, until factory served it.</param>
    static string DeploymentReport(DeploymentOutcome outcome, TimeSpan? sinceStart = null) => Table(
        ("Environment", outcome.Environment),
        ("Version", outcome.PreviousLabel is { } previous ? $"{outcome.Label} (was {previous})" : $"{outcome.Label} (its first deployment)"),
        ("Image", $"`{outcome.Image}`"),
        ("Slot", outcome.Slot.Name()),
        ("Smoke test", $"predictions on {outcome.SmokeRows} test rows equal offline scoring, before and after the switch"),
        ("Time to serving", Seconds(outcome.TimeToServing) + (sinceStart is { } total ? $" ({Seconds(total)} since the target started)" : "")));

    static string Table(params (string Name, string Value)[] rows) =>
        "| | |\n|---|---|\n" + string.Concat(rows.Select(row => $"| {row.Name} | {row.Value} |\n"));

    static string Megabytes(long bytes) => $"{(bytes / 1_000_000.0).ToString("F1", CultureInfo.InvariantCulture)} MB";

    static string Seconds(TimeSpan time) => $"{time.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s";
}
