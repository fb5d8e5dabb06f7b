using MlopsBuild.Core.Hashing;
using MlopsBuild.Core.IO;
using MlopsBuild.Data.Inference;
using MlopsBuild.Data.Reports;
using MlopsBuild.Data.Samples;
using MlopsBuild.Data.Schema;
using MlopsBuild.Data.Statistics;
using MlopsBuild.Data.Validation;
using MlopsBuild.Engine;
using MlopsBuild.Engine.Definition;
using MlopsBuild.Engine.Parameters;
using MlopsBuild.Engine.Paths;

/// <summary>The data stage: the sample data, schema inference and validation.</summary>
partial class Build
{
    [Parameter("Training data: a CSV or JSON Lines file, or a folder of them")]
    readonly AbsolutePath Data = RootDirectory / "data" / "loans.csv";

    [Parameter("Schema of the data (YAML or JSON)")]
    readonly AbsolutePath Schema = RootDirectory / "data" / "loans.schema.yaml";

    [Parameter("Statistics of the data the production model was trained on, for drift (none: no drift check)")]
    readonly AbsolutePath? ReferenceStatistics = null;

    [Parameter("The label column, for InferSchema")]
    readonly string? Label = null;

    static AbsolutePath DataReports => ArtifactsDirectory / "data";

    /// <summary>Set by ValidateData: what the data is and what it looks like, for the stages after it.</summary>
    DataCheckResult? DataCheckResult;

    Target GenerateSampleData => _ => _
        .Description("Rewrites data/loans.csv from its documented, deterministic generator")
        .Executes(() =>
        {
            using var csv = new StringWriter();
            LoanDataGenerator.Write(csv);
            AtomicFile.WriteAllText(RootDirectory / "data" / "loans.csv", csv.ToString());
        });

    Target InferSchema => _ => _
        .Description("Infers a schema from the data for review (never overwrites an existing schema)")
        .Executes(() =>
        {
            var target = Schema.FileExists ? DataReports / "inferred.schema.yaml" : Schema;
            var schema = SchemaInference.Infer(Data, Label);
            SchemaFile.Save(schema, target,
                $"Inferred from {Data.RelativeTo(RootDirectory)} by ./build.sh InferSchema. Review every column before you rely on it.");
            Console.WriteLine($"Wrote {target.RelativeTo(RootDirectory)} ({schema.Columns.Count} columns){(target == Schema ? "" : $"; {Schema.RelativeTo(RootDirectory)} exists and was left alone")}.");
            Note("schema", target.RelativeTo(RootDirectory));
        });

    Target ValidateData => _ => _
        .Description("Checks the data against its schema; writes statistics, drift and reports to artifacts/data")
        .Inputs([Data, Schema, .. ReferenceStatistics is null ? Array.Empty<TargetInput>() : [ReferenceStatistics]])
        .Outputs(DataReports / DataReport.JsonFile, DataReports / DataReport.MarkdownFile, DataReports / DataReport.HtmlFile, DataReports / DataReport.StatisticsFile)
        .Executes(() =>
        {
            var schema = SchemaFile.Load(Schema);
            var reference = ReferenceStatistics is null ? null : StatisticsFile.Load(ReferenceStatistics);
            var hashes = HashCache.Load(TemporaryDirectory / "data-hash-cache.json");
            var result = DataCheck.Run(Data, schema, new ContentHasher(hashes), reference);
            hashes.Save();
            DataReport.WriteAll(result, DataReports, RootDirectory);
            foreach (var anomaly in result.Anomalies) Console.WriteLine(anomaly);
            Note("rows", result.Rows);
            Note("data", result.Fingerprint);
            Note("anomalies", $"{Count(result.Errors.Count, "error")}, {Count(result.Warnings.Count, "warning")}");
            if (result.Drift is { } drift) Note("drift", drift.DatasetDrifted ? $"drifted ({drift.DriftedColumns} columns)" : "none");
            if (!result.Passed)
                throw new BuildFailedException(
                    $"{Data.RelativeTo(RootDirectory)} does not match {Schema.RelativeTo(RootDirectory)}: {Count(result.Errors.Count, "error")}, the first: {result.Errors[0].Description}. Full report: {(DataReports / DataReport.MarkdownFile).RelativeTo(RootDirectory)}");
            DataCheckResult = result;
        });

    static string Count(int count, string noun) => $"{count} {noun}{(count == 1 ? "" : "s")}";
}
