using System.Globalization;
using MlopsBuild.Engine;
using MlopsBuild.Engine.Definition;
using MlopsBuild.Engine.Parameters;
using MlopsBuild.Engine.Paths;
using MlopsBuild.Learning.Metrics;
using MlopsBuild.Registry;
using MlopsBuild.Registry.Errors;
using MlopsBuild.Registry.Versions;

/// <summary>Reading the model registry: versions, one version's lineage, two versions side by side.</summary>
partial class Build
{
    // A CI runner starts with an empty folder: Promote on a fresh runner finds only what this folder kept from earlier runs.
    [Parameter("The model registry's folder; for CI, storage that outlives a run (a self-hosted runner's disk, a mounted share), so Promote finds what earlier runs registered")]
    readonly AbsolutePath RegistryDirectory = RootDirectory / ".mlops" / "registry";

    [Parameter("A registered model, by version (v3, 3) or alias (lab, factory), for ModelInfo, Approve and Promote")]
    readonly string? Version = null;

    [Parameter("ModelInfo: resolve the alias as it was at this time (e.g. 2026-11-01T12:00Z): which version was in factory then")]
    readonly DateTimeOffset? At = null;

    [Parameter("Two registered models to compare, by version or alias, for CompareModels: --versions v3 v5")]
    readonly string[] Versions = [];

    Target Models => _ => _
        .Description("Lists the registered model versions, newest first, with their aliases and test metrics")
        .Executes(() => FailClearly(() =>
        {
            var versions = OpenRegistry().List();
            if (versions.Count == 0)
            {
                Console.WriteLine($"No model is registered in {Display(RegistryDirectory)} yet: ./build.sh TestModel registers one.");
                return;
            }
            var metrics = HeadlineMetrics.Where(versions[0].Metrics.ContainsKey).Take(3).ToArray();
            var rows = versions.Select(v => (string[])
            [
                v.Label, v.Status == VersionStatus.Candidate ? "candidate" : "rejected", string.Join(",", v.Aliases),
                v.RegisteredAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), v.RegisteredBy, v.Trainer,
                v.GitCommit?[..Math.Min(8, v.GitCommit.Length)] ?? "-",
                .. metrics.Select(m => v.Metrics.TryGetValue(m, out var value) ? Number(value) : "-"),
            ]);
            PrintTable(["version", "status", "aliases", "registered", "by", "trainer", "commit", .. metrics], rows);
        }));

    Target ModelInfo => _ => _
        .Description("Shows one registered model's lineage, metrics, gate checks and artifacts (--version)")
        .Requires(() => Version)
        .Executes(() => FailClearly(() =>
        {
            var registry = OpenRegistry();
            var version = At is { } moment ? VersionAt(registry, Version!, moment) : registry.Resolve(Version!);
            var lineage = version.Lineage;
            Console.WriteLine($"{version.Label}: {(version.Accepted ? "candidate" : "rejected")}, registered {version.RegisteredAt:u} by {version.RegisteredBy}");
            foreach (var reason in version.RejectionReasons) Console.WriteLine($"  rejected: {reason}");
            Console.WriteLine("Lineage:");
            foreach (var line in LineageLines(version)) Console.WriteLine($"  {line.Name}: {line.Value}");
            Console.WriteLine($"  trainer: {lineage.Trainer}, seed {lineage.Seed}");
            foreach (var (name, value) in lineage.Parameters) Console.WriteLine($"  {name} = {value}");
            Console.WriteLine("Metrics (test):");
            foreach (var (name, value) in version.Metrics) Console.WriteLine($"  {name}: {Number(value)}");
            Console.WriteLine("Gate checks:");
            foreach (var check in version.Checks) Console.WriteLine($"  {(check.Passed ? "PASS" : "FAIL")} {check.Name}: {check.Reason}");
            Console.WriteLine("Artifacts:");
            foreach (var (name, artifact) in version.Artifacts) Console.WriteLine($"  {name}: {artifact.Sha256} ({artifact.Bytes:N0} bytes)");
        }));

    Target AuditLog => _ => _
        .Description("Prints the registry's audit log (registrations, gate results, alias moves, approvals), checking its hash chain")
        .Executes(() => FailClearly(() =>
        {
            var entries = OpenRegistry().Audit();
            PrintTable(["#", "at", "by", "action", "version", "alias", "reason"], entries.Select(e => (string[])
            [
                e.Sequence.ToString(CultureInfo.InvariantCulture), e.At.ToString("u", CultureInfo.InvariantCulture), e.Actor, e.Action,
                e.Version is { } v ? VersionLabel.Of(v) : "-",
                e.Alias is null ? "-" : e.PreviousVersion is { } from ? $"{e.Alias} (from {VersionLabel.Of(from)})" : e.Alias,
                e.Reason ?? "",
            ]));
        }));

    Target CompareModels => _ => _
        .Description("Compares two registered models' parameters and metrics (--versions A B), like dvc metrics diff")
        .Requires(() => Versions.Length == 2)
        .Executes(() => FailClearly(() =>
        {
            var registry = OpenRegistry();
            var (a, b) = (registry.Resolve(Versions[0]), registry.Resolve(Versions[1]));
            var comparison = registry.Compare(a.Number, b.Number);
            Console.WriteLine("Metrics:");
            PrintTable(["metric", a.Label, b.Label, "change"], comparison.Metrics.Select(m => (string[])
                [m.Name, Optional(m.A), Optional(m.B), m.Delta is { } delta ? (delta >= 0 ? "+" : "") + Number(delta) : "-"]));
            var changed = comparison.Parameters.Concat(comparison.Lineage).Where(d => d.Changed).ToList();
            Console.WriteLine(changed.Count == 0 ? "Parameters and lineage: the same." : "Parameters and lineage that differ:");
            if (changed.Count > 0) PrintTable(["name", a.Label, b.Label], changed.Select(d => (string[])[d.Name, d.A ?? "-", d.B ?? "-"]));
        }));

    /// <summary>The metrics worth a column in the version list, in order of interest; a task has three of them.</summary>
    static readonly string[] HeadlineMetrics =
        [MetricNames.AucRoc, MetricNames.AucPr, MetricNames.LogLoss, MetricNames.Accuracy, MetricNames.MacroF1, MetricNames.Rmse, MetricNames.Mae, MetricNames.R2];

    /// <summary>The version an alias pointed at at <paramref name="moment"/>, from the audit log.</summary>
    static ModelVersion VersionAt(ModelRegistry registry, string alias, DateTimeOffset moment) =>
        registry.AliasAt(alias, moment) is { } number
            ? registry.Get(number)
            : throw new BuildFailedException($"The alias '{alias}' pointed at no version at {moment:u}: see its moves with ./build.sh AuditLog");

    ModelRegistry OpenRegistry() => ModelRegistry.Open(RegistryDirectory, Actor);

    /// <summary>
    /// The version Approve and Promote act on (--version, default: what lab serves). An empty registry is told its
    /// likely cause: a CI runner starts with an empty folder unless --registry-directory points at lasting storage.
    /// </summary>
    ModelVersion VersionToRelease(ModelRegistry registry)
    {
        try
        {
            return registry.Resolve(Version ?? LabAlias);
        }
        catch (RegistryNotFoundException) when (registry.List().Count == 0)
        {
            throw new BuildFailedException($"The model registry {Display(RegistryDirectory)} has no versions: ./build.sh Deploy registers, packages and deploys one to lab. "
                + "A CI runner starts with an empty folder: point --registry-directory (MLOPS_REGISTRY_DIRECTORY) at storage that keeps the registry between runs, such as a self-hosted runner's disk or a mounted share");
        }
    }

    static string Number(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);

    static string Optional(double? value) => value is { } v ? Number(v) : "-";
}
