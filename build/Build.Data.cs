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

    [Parameter("The data drifts when more than this share of its columns do (default: the schema's drift.share)")]
    readonly double? DriftShare = null;

    [Parameter("Fail ValidateData when the data drifted from the reference (default: the schema's drift.fail)")]
    readonly bool FailOnDrift = false;

    [Parameter("The label column, for InferSchema")]
    readonly string? Label = null;

    static AbsolutePath DataReports => ArtifactsDirectory / "data";

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
                $"Inferred from {Display(Data)} by ./build.sh InferSchema. Review every column before you rely on it.");
            Console.WriteLine($"Wrote {Display(target)} ({schema.Columns.Count} columns){(target == Schema ? "" : $"; {Display(Schema)} exists and was left alone")}.");
            Note("schema", Display(target));
        });

    Target ValidateData => _ => _
        .Description("Checks the data against its schema; writes statistics, drift and reports to artifacts/data")
        .Inputs([Data, Schema, Value(DriftShare), Value(FailOnDrift), .. ReferenceStatistics is null ? Array.Empty<TargetInput>() : [ReferenceStatistics]])
        .Outputs(DataReports / DataReport.JsonFile, DataReports / DataReport.MarkdownFile, DataReports / DataReport.HtmlFile, DataReports / DataReport.StatisticsFile)
        .Executes(() =>
        {
            var declared = SchemaFile.Load(Schema);
            var schema = declared with { DriftShare = DriftShare ?? declared.DriftShare, FailOnDrift = FailOnDrift || declared.FailOnDrift };
            var reference = ReferenceStatistics is null ? null : StatisticsFile.Load(ReferenceStatistics);
            var result = Hashing(hasher => DataCheck.Run(Data, schema, hasher, reference));
            DataReport.WriteAll(result, DataReports, RootDirectory);
            ReportSection($"Data validation {(result.Passed ? "passed" : "failed")}", DataReport.SummaryMarkdown(result, RootDirectory)
                + (result.Drift is null ? "No drift check: no --reference-statistics.\n\n" : "")
                + $"Full report: {ReportLink(DataReports / DataReport.HtmlFile)}\n");
            foreach (var anomaly in result.Anomalies) Console.WriteLine(anomaly);
            Note("rows", result.Rows);
            Note("data", result.Fingerprint);
            Note("anomalies", $"{Count(result.Errors.Count, "error")}, {Count(result.Warnings.Count, "warning")}");
            if (result.Drift is { } drift) Note("drift", drift.DatasetDrifted ? $"drifted ({drift.DriftedColumns} columns)" : "none");
            if (!result.Passed)
                throw new BuildFailedException(
                    $"{Display(Data)} failed validation against {Display(Schema)}: {Count(result.Errors.Count, "error")}, the first: {result.Errors[0].Description}. Full report: {Display(DataReports / DataReport.MarkdownFile)}");
        });

    static string Count(int count, string noun) => $"{count} {noun}{(count == 1 ? "" : "s")}";

    static string Display(AbsolutePath path) => path.Display(RootDirectory);
}
