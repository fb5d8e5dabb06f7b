using System.Text;
using MlopsBuild.Core.IO;
using MlopsBuild.Core.Text;

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
        var bytes = File.ReadAllBytes(path);
        CheckUtf8(bytes, path);
        var document = syntax == Syntax.Json
            ? JsonSchemaParser.Parse(bytes, path)
            : YamlSchemaParser.Parse(Text(bytes), path);
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

    /// <summary>
    /// A file in another encoding (Latin-1, say) is refused where its first foreign byte is: read anyway, its accented
    /// names would silently become replacement characters that match no column or category.
    /// </summary>
    static void CheckUtf8(ReadOnlySpan<byte> bytes, string path)
    {
        var invalid = Utf8Validation.FirstInvalidByte(bytes);
        if (invalid < 0) return;
        var lineStart = bytes[..invalid].LastIndexOf((byte)'\n') + 1;
        var line = bytes[..invalid].Count((byte)'\n') + 1;
        var column = Encoding.UTF8.GetCharCount(bytes[lineStart..invalid]) + 1;
        throw new SchemaFileException(path, line, column, $"byte 0x{bytes[invalid]:X2} is not valid UTF-8", "Save the schema file as UTF-8.");
    }

    /// <summary>The file's text, without a byte order mark (as <see cref="File.ReadAllText(string)"/> would give it).</summary>
    static string Text(ReadOnlySpan<byte> utf8) =>
        Encoding.UTF8.GetString(utf8.StartsWith(Encoding.UTF8.Preamble) ? utf8[Encoding.UTF8.Preamble.Length..] : utf8);

    static Syntax SyntaxOf(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".yaml" or ".yml" => Syntax.Yaml,
        ".json" => Syntax.Json,
        var other => throw new SchemaFileException(path, 1, 1,
            $"a schema file must be YAML or JSON, not '{(other.Length == 0 ? "(no extension)" : other)}'", "Name it with .yaml, .yml or .json."),
    };
}
