using System.Text.Json;
using MlopsBuild.Core.IO;

namespace MlopsBuild.Quality.Gates;

/// <summary>
/// The candidate's predictions on the first test rows against a committed, approved file (Verify's convention):
/// <c>name.verified.json</c> is the approved snapshot; on a difference, or when it does not exist yet, the new
/// snapshot is written beside it as <c>name.received.json</c> and the check fails. Approving is moving the received
/// file over the verified one. A stale received file is deleted when the check passes.
/// </summary>
public sealed class GoldenGate : Gate
{
    const string VerifiedMarker = ".verified.";
    const string ReceivedMarker = ".received.";

    internal GoldenGate(string verifiedPath, int rows, double tolerance)
    {
        VerifiedPath = verifiedPath;
        Rows = rows;
        Tolerance = tolerance;
    }

    public const int DefaultRows = 25;
    public const double DefaultTolerance = 1e-9;

    /// <summary>The approved file, relative to the context's root directory (or absolute).</summary>
    public string VerifiedPath { get; }

    public int Rows { get; }

    public double Tolerance { get; }

    public override string Name => $"golden predictions match {VerifiedPath}";

    internal override void Validate(GateRun run)
    {
        if (!Path.GetFileName(VerifiedPath).Contains(VerifiedMarker, StringComparison.Ordinal))
            throw GateDeclarationException.For(this,
                $"the approved file's name must contain '{VerifiedMarker}' (as in tests/golden.verified.json), so that the received file can be named beside it");
        if (Rows < 1) throw GateDeclarationException.For(this, $"the row count is {Rows}; give at least 1");
        if (!(Tolerance >= 0 && double.IsFinite(Tolerance)))
            throw GateDeclarationException.For(this, $"the tolerance is {Numbers.Exact(Tolerance)}; give a number ≥ 0");
    }

    internal override IEnumerable<CheckResult> Check(GateRun run)
    {
        var verified = Path.GetFullPath(Path.Combine(run.Context.RootDirectory, VerifiedPath));
        var fileName = Path.GetFileName(verified);
        var marker = fileName.LastIndexOf(VerifiedMarker, StringComparison.Ordinal);
        var received = Path.Combine(Path.GetDirectoryName(verified)!, string.Concat(fileName.AsSpan(0, marker), ReceivedMarker, fileName.AsSpan(marker + VerifiedMarker.Length)));
        var snapshot = GoldenSnapshot.Write(run, Rows);
        var rows = Math.Min(Rows, run.Context.TestRows.Length);

        var difference = Difference(snapshot, verified);
        if (difference is null)
        {
            if (File.Exists(received)) File.Delete(received);
            yield return new CheckResult(CheckKinds.Golden, Name, true,
                $"the predictions on {rows} test rows match {Display(run, verified)} within {Numbers.Exact(Tolerance)}");
            yield break;
        }
        AtomicFile.WriteAllText(received, snapshot);
        yield return new CheckResult(CheckKinds.Golden, Name, false,
            $"{difference}. The new predictions are in {Display(run, received)}: review them, and if they are right approve them by moving it over the approved file (mv {Display(run, received)} {Display(run, verified)}) and committing it");
    }

    string? Difference(string snapshot, string verified)
    {
        if (!File.Exists(verified)) return $"there is no approved file {VerifiedPath} yet";
        try
        {
            using var approved = JsonDocument.Parse(File.ReadAllText(verified));
            using var current = JsonDocument.Parse(snapshot);
            return JsonComparison.FirstDifference(current.RootElement, approved.RootElement, Tolerance) is { } where
                ? $"the predictions differ from the approved file {VerifiedPath} (first at {where}, new vs approved, tolerance {Numbers.Exact(Tolerance)})"
                : null;
        }
        catch (JsonException e)
        {
            return $"the approved file {VerifiedPath} is not valid JSON ({e.Message})";
        }
    }

    static string Display(GateRun run, string path) => Path.GetRelativePath(run.Context.RootDirectory, path).Replace('\\', '/');
}
