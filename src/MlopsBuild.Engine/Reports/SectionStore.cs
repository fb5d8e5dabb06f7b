using System.Text.Json;
using MlopsBuild.Core.IO;
using MlopsBuild.Engine.Execution;
using MlopsBuild.Engine.Output;
using MlopsBuild.Engine.Paths;

namespace MlopsBuild.Engine.Reports;

/// <summary>
/// Gathers the report's sections in plan order. A target that was up to date did not run, so its sections are those
/// of its last success — still true, as its inputs and outputs are unchanged — kept, masked, in this folder.
/// </summary>
internal sealed class SectionStore(AbsolutePath directory)
{
    sealed record StoredSection(string Title, string Markdown);

    /// <summary>The sections of every target of the run; those of cacheable targets that succeeded are kept for later runs.</summary>
    public IReadOnlyList<ReportSection> Collect(IReadOnlyList<TargetRun> runs, RunReport report, SecretMasker masker)
    {
        var collected = new List<ReportSection>();
        foreach (var run in runs)
        {
            if (run.Status == TargetStatus.UpToDate)
            {
                collected.AddRange(Load(run.Name));
                continue;
            }
            var sections = report.SectionsOf(run.Name);
            if (run.Status == TargetStatus.Succeeded && run.Planned.Target.IsCacheable) Save(run.Name, sections, masker);
            collected.AddRange(sections);
        }
        return collected;
    }

    AbsolutePath FileOf(string target) => directory / (target + ".json");

    void Save(string target, IReadOnlyList<ReportSection> sections, SecretMasker masker)
    {
        var stored = sections.Select(s => new StoredSection(masker.Apply(s.Title), masker.Apply(s.Markdown))).ToList();
        AtomicFile.WriteAllBytes(FileOf(target), JsonSerializer.SerializeToUtf8Bytes(stored));
    }

    /// <summary>None when nothing was kept or the file cannot be read: it is a cache, and the report is only shorter without it.</summary>
    IReadOnlyList<ReportSection> Load(string target)
    {
        try
        {
            var stored = JsonSerializer.Deserialize<List<StoredSection>>(File.ReadAllBytes(FileOf(target))) ?? [];
            return stored.Select(s => new ReportSection(target, s.Title, s.Markdown)).ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            return [];
        }
    }
}
