using MlopsBuild.Core.Text;

namespace MlopsBuild.Engine.Parameters;

/// <summary><c>.nuke/parameters.json</c> and the chosen profiles (<c>.nuke/parameters.NAME.json</c>), later ones winning.</summary>
internal sealed class ParameterFiles
{
    readonly List<IReadOnlyDictionary<string, FileValue>> layers = [];

    public static ParameterFiles Load(string nukeDirectory, IReadOnlyList<string> profiles)
    {
        var files = new ParameterFiles();
        var basePath = Path.Combine(nukeDirectory, "parameters.json");
        if (File.Exists(basePath)) files.layers.Add(ParameterFile.Read(basePath, ".nuke/parameters.json"));
        foreach (var profile in profiles)
        {
            var path = Path.Combine(nukeDirectory, $"parameters.{profile}.json");
            if (!File.Exists(path))
                throw new BuildUsageException(
                    $"Profile '{profile}' not found: there is no .nuke/parameters.{profile}.json. Profiles here: {Available(nukeDirectory)}.");
            files.layers.Add(ParameterFile.Read(path, $".nuke/parameters.{profile}.json"));
        }
        return files;
    }

    public FileValue? Find(string name)
    {
        for (var i = layers.Count - 1; i >= 0; i--)
            if (layers[i].TryGetValue(name, out var value)) return value;
        return null;
    }

    public void RejectUnknownKeys(IReadOnlyList<ParameterMember> members)
    {
        var known = members.Select(m => m.Name).ToList();
        foreach (var (key, value) in layers.SelectMany(layer => layer))
            if (!known.Contains(key, StringComparer.OrdinalIgnoreCase))
                throw new BuildUsageException(
                    $"{value.File}({value.Line},{value.Column}): unknown parameter '{key}'.{ClosestMatch.Hint(key, known)} Run with --help to list the parameters.");
    }

    static string Available(string nukeDirectory)
    {
        var names = Directory.Exists(nukeDirectory)
            ? Directory.GetFiles(nukeDirectory, "parameters.*.json").Select(p => Path.GetFileName(p)["parameters.".Length..^".json".Length]).Order(StringComparer.Ordinal).ToList()
            : [];
        return names.Count > 0 ? string.Join(", ", names) : "none";
    }
}
