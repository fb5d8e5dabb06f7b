using MlopsBuild.Core.IO;
using MlopsBuild.Engine.Definition;
using MlopsBuild.Engine.Parameters;
using MlopsBuild.Engine.Paths;

namespace MlopsBuild.Engine.ContinuousIntegration;

/// <summary>
/// The workflow files a build declares, as they should read, against what <c>.github/workflows/</c> holds. Files that
/// start with the generated header and are no longer declared count as stale too; hand-written workflows are left alone.
/// </summary>
internal sealed class WorkflowFiles
{
    const string Folder = ".github/workflows";

    readonly AbsolutePath root;
    readonly Lazy<IReadOnlyDictionary<string, string>> generated; // relative path -> text, rendered when first compared or written

    WorkflowFiles(AbsolutePath root, Lazy<IReadOnlyDictionary<string, string>> generated)
    {
        this.root = root;
        this.generated = generated;
    }

    /// <summary>Reads and checks the build's workflow attributes; a mistake in them is a <see cref="BuildUsageException"/>.</summary>
    public static WorkflowFiles Generate(Type buildType, IReadOnlyList<ExecutableTarget> targets, IReadOnlyList<ParameterMember> parameters,
        AbsolutePath root, Func<object> createBuild)
    {
        var workflows = WorkflowDeclarations.Read(buildType, new DeclarationScope(targets, parameters, root), createBuild);
        return new WorkflowFiles(root, new(() => workflows.ToDictionary(w => w.RelativePath, w => GitHubWorkflowYaml.Render(w, root), StringComparer.Ordinal)));
    }

    /// <summary>Declared files whose text differs or that are missing, and generated files no longer declared.</summary>
    public IReadOnlyList<string> Stale() =>
        generated.Value.Where(file => Read(file.Key) != file.Value).Select(file => file.Key)
            .Concat(Undeclared())
            .Order(StringComparer.Ordinal).ToList();

    /// <summary>Brings the folder up to date; returns a line per file written or deleted.</summary>
    public IReadOnlyList<string> Write()
    {
        var changes = new List<string>();
        foreach (var stale in Stale())
        {
            if (generated.Value.TryGetValue(stale, out var text))
            {
                AtomicFile.WriteAllText(root / stale, text);
                changes.Add($"Wrote {stale}");
            }
            else
            {
                File.Delete(root / stale);
                changes.Add($"Deleted {stale} (no longer declared)");
            }
        }
        return changes.Count > 0 ? changes : [$"The workflows in {Folder} are up to date."];
    }

    IEnumerable<string> Undeclared()
    {
        var folder = root / Folder;
        if (!folder.DirectoryExists) return [];
        return Directory.EnumerateFiles(folder, "*.yml")
            .Select(path => AbsolutePath.Create(path).RelativeTo(root))
            .Where(path => !generated.Value.ContainsKey(path) && Read(path)!.StartsWith(GitHubWorkflowYaml.HeaderStart, StringComparison.Ordinal));
    }

    /// <summary>The file's text with '\n' line ends (a checkout may have made them "\r\n"), or null when it does not exist.</summary>
    string? Read(string relativePath) =>
        (root / relativePath).FileExists ? File.ReadAllText(root / relativePath).Replace("\r\n", "\n") : null;
}
