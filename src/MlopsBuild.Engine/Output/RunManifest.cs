using System.Text.Encodings.Web;
using System.Text.Json;
using MlopsBuild.Engine.Execution;
using MlopsBuild.Engine.Git;
using MlopsBuild.Core.IO;
using MlopsBuild.Engine.Parameters;
using MlopsBuild.Engine.Reports;

namespace MlopsBuild.Engine.Output;

/// <summary>The machine-readable record of a run: what ran, how it ended, how long it took, and the hashes it saw.</summary>
internal sealed record RunFacts(
    IReadOnlyList<string> Invoked,
    DateTimeOffset Started,
    TimeSpan Duration,
    bool Succeeded,
    int ExitCode,
    GitFacts? Git,
    IReadOnlyList<ResolvedParameter> Parameters,
    IReadOnlyList<TargetRun> Targets,
    IReadOnlyList<JobOutput> Outputs);

internal static class RunManifest
{
    public const string RelativePath = "artifacts/run-manifest.json";

    public static void Write(string path, RunFacts facts, SecretMasker masker)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteNumber("version", 1);
            json.WriteString("outcome", facts.Succeeded ? "succeeded" : "failed");
            json.WriteNumber("exitCode", facts.ExitCode);
            json.WriteString("started", facts.Started.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture));
            json.WriteNumber("durationMs", Math.Round(facts.Duration.TotalMilliseconds, 1));
            WriteStrings(json, "invoked", facts.Invoked);
            WriteHost(json);
            WriteGit(json, facts.Git);
            json.WriteStartObject("parameters");
            foreach (var parameter in facts.Parameters.Where(p => !p.Member.IsEngineOption || p.Source != "default"))
                json.WriteString(parameter.Member.Name, parameter.Member.IsSecret ? SecretMasker.Mask : masker.Apply(Text(parameter.Value)));
            json.WriteEndObject();
            json.WriteStartObject("outputs");
            foreach (var output in facts.Outputs) json.WriteString(output.Name, masker.Apply(output.Value));
            json.WriteEndObject();
            json.WriteStartArray("targets");
            foreach (var run in facts.Targets) WriteTarget(json, run, masker);
            json.WriteEndArray();
            json.WriteEndObject();
        }
        AtomicFile.WriteAllBytes(path, buffer.ToArray().Concat("\n"u8.ToArray()).ToArray());
    }

    static void WriteTarget(Utf8JsonWriter json, TargetRun run, SecretMasker masker)
    {
        json.WriteStartObject();
        json.WriteString("name", run.Name);
        json.WriteString("status", run.Status.ToString());
        if (run.Reason is not null) json.WriteString("reason", masker.Apply(run.Reason));
        json.WriteNumber("durationMs", Math.Round(run.Duration.TotalMilliseconds, 1));
        json.WriteStartObject("notes");
        foreach (var (key, value) in run.Notes) json.WriteString(masker.Apply(key), masker.Apply(value));
        json.WriteEndObject();
        if (run.Record is { } record)
        {
            json.WriteString("definition", record.Definition);
            WriteMap(json, "inputs", record.Inputs, masker);
            WriteMap(json, "values", record.Values, masker);
            WriteMap(json, "outputs", record.Outputs, masker);
        }
        json.WriteEndObject();
    }

    static void WriteHost(Utf8JsonWriter json)
    {
        json.WriteStartObject("host");
        json.WriteString("os", System.Runtime.InteropServices.RuntimeInformation.OSDescription);
        json.WriteString("dotnet", Environment.Version.ToString());
        json.WriteNumber("processors", Environment.ProcessorCount);
        json.WriteBoolean("ci", Environment.GetEnvironmentVariable("CI") is "true" or "1");
        json.WriteEndObject();
    }

    static void WriteGit(Utf8JsonWriter json, GitFacts? git)
    {
        if (git is null)
        {
            json.WriteNull("git");
            return;
        }
        json.WriteStartObject("git");
        json.WriteString("commit", git.Commit);
        json.WriteString("branch", git.Branch);
        if (git.IsDirty is { } dirty) json.WriteBoolean("dirty", dirty);
        else json.WriteNull("dirty");
        json.WriteString("remote", git.RemoteUrl);
        json.WriteEndObject();
    }

    static void WriteMap(Utf8JsonWriter json, string name, IReadOnlyDictionary<string, string> map, SecretMasker masker)
    {
        json.WriteStartObject(name);
        foreach (var (key, value) in map.OrderBy(p => p.Key, StringComparer.Ordinal)) json.WriteString(key, masker.Apply(value));
        json.WriteEndObject();
    }

    static void WriteStrings(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values) json.WriteStringValue(value);
        json.WriteEndArray();
    }

    internal static string Text(object? value) => value switch
    {
        null => "",
        string s => s,
        bool b => b ? "true" : "false",
        Array array => string.Join(",", array.Cast<object?>().Select(Text)),
        IFormattable formattable => formattable.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
