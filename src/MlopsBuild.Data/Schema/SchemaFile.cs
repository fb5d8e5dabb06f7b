using MlopsBuild.Core.IO;

namespace MlopsBuild.Data.Schema;

/// <summary>
/// Loads and saves a <see cref="DatasetSchema"/> as the hand-editable file users keep next to their data:
/// YAML (<c>.yaml</c>, <c>.yml</c>) or JSON (<c>.json</c>), with snake_case keys. Loading checks everything it can
/// and reports the first problem as a <see cref="SchemaFileException"/> pointing at its line and column.
/// </summary>
public static class SchemaFile
{
    enum Syntax { Yaml, Json }

    public static DatasetSchema Load(string path)
    {
        var syntax = SyntaxOf(path);
        if (!File.Exists(path))
            throw new SchemaFileException(path, 1, 1, "the schema file does not exist", "Check the path, or write the schema file.");
        var document = syntax == Syntax.Json
            ? JsonSchemaParser.Parse(File.ReadAllBytes(path), path)
            : YamlSchemaParser.Parse(File.ReadAllText(path), path);
        return new SchemaReader(path).Read(document);
    }

    /// <summary>
    /// Writes the schema atomically, in the syntax its extension names. The text depends only on the schema:
    /// fixed key order, defaults left out. <paramref name="headerComment"/> goes first as '# ' lines (YAML only: JSON has no comments).
    /// </summary>
    public static void Save(DatasetSchema schema, string path, string? headerComment = null)
    {
        var document = SchemaWriter.Write(schema);
        var text = SyntaxOf(path) == Syntax.Json ? JsonSchemaFormatter.Format(document) : YamlSchemaFormatter.Format(document, headerComment);
        AtomicFile.WriteAllText(path, text);
    }

    static Syntax SyntaxOf(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".yaml" or ".yml" => Syntax.Yaml,
        ".json" => Syntax.Json,
        var other => throw new SchemaFileException(path, 1, 1,
            $"a schema file must be YAML or JSON, not '{(other.Length == 0 ? "(no extension)" : other)}'", "Name it with .yaml, .yml or .json."),
    };
}
