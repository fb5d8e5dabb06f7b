using System.Globalization;
using System.Reflection;
using MlopsBuild.Data.Fingerprints;
using MlopsBuild.Data.Validation;
using MlopsBuild.Engine.Paths;
using MlopsBuild.Learning;
using MlopsBuild.Learning.Persistence;
using MlopsBuild.Quality.ModelCards;
using MlopsBuild.Registry.Versions;

/// <summary>Where a model came from, as the registry records it and its model card shows it.</summary>
partial class Build
{
    Lineage Lineage(TrainedModel model)
    {
        var (files, schemaHash) = Hashing(hasher => (DatasetFingerprint.Files(DatasetFiles.Resolve(Data), hasher), hasher.HashFile(Schema)));
        var fingerprints = files.ToDictionary(f => Display(AbsolutePath.Create(f.Path)), f => f.Hash);
        fingerprints["dataset"] = DatasetFingerprint.Of(files);
        return new Lineage
        {
            Git = Git is { Commit: { } commit } git ? new GitState(commit, git.Branch, git.IsDirty ?? true) : null,
            DataFingerprints = fingerprints,
            SchemaHash = schemaHash,
            Trainer = model.Metadata.Trainer,
            Parameters = model.Metadata.Parameters,
            Seed = unchecked((long)model.Metadata.Seed),
            SdkVersion = $".NET {Environment.Version}",
            Libraries = new SortedDictionary<string, string>(StringComparer.Ordinal)
            {
                ["MlopsBuild.Learning"] = LibraryVersion(typeof(TrainedModel).Assembly),
                ["MlopsBuild.Data"] = LibraryVersion(typeof(DatasetFiles).Assembly),
                ["model-format"] = ModelFile.ReadInfo(ModelFilePath).FormatVersion.ToString(CultureInfo.InvariantCulture),
            },
            CreatedAt = DateTimeOffset.UtcNow,
            CreatedBy = Actor,
        };
    }

    static IReadOnlyList<LineageEntry> LineageLines(ModelVersion version)
    {
        var lineage = version.Lineage;
        var lines = new List<LineageEntry>
        {
            new("registered", $"{version.RegisteredAt:u} by {version.RegisteredBy}"),
            new("git", lineage.Git is { } git ? $"{git.Commit[..Math.Min(12, git.Commit.Length)]} on {git.Branch ?? "(detached)"}{(git.Dirty ? ", with uncommitted changes" : "")}" : "(not a git repository)"),
        };
        lines.AddRange(lineage.DataFingerprints.Select(pair => new LineageEntry($"data {pair.Key}", pair.Value)));
        if (lineage.SchemaHash is { } schema) lines.Add(new("schema", schema));
        if (lineage.SdkVersion is { } sdk) lines.Add(new("runtime", sdk));
        lines.AddRange(lineage.Libraries.Select(pair => new LineageEntry(pair.Key, pair.Value)));
        return lines;
    }

    /// <summary>The assembly's version and build identity (its MVID changes with every change to its code).</summary>
    static string LibraryVersion(Assembly assembly) =>
        $"{assembly.GetName().Version} ({assembly.ManifestModule.ModuleVersionId:N})";
}
