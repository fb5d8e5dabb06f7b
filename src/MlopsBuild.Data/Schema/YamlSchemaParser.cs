using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace MlopsBuild.Data.Schema;

/// <summary>Reads YAML text into a <see cref="SchemaNode"/> tree, keeping each node's position for error messages.</summary>
internal static class YamlSchemaParser
{
    const string FixSyntax = "Fix the syntax there (indentation, quotes, brackets and 'key: value' spacing).";

    /// <returns>The document, or null when the text holds none (empty, or only comments).</returns>
    public static SchemaNode? Parse(string text, string file)
    {
        var parser = new Parser(new StringReader(text));
        try
        {
            parser.Consume<StreamStart>();
            if (parser.Accept<StreamEnd>(out _)) return null;
            parser.Consume<DocumentStart>();
            var document = Read(parser, new Dictionary<string, SchemaNode>(), file);
            parser.Consume<DocumentEnd>();
            if (parser.Accept<DocumentStart>(out var second))
                throw Error(file, second.Start,
                    "the file holds more than one YAML document", "Keep one schema per file: remove the second '---' and what follows it.");
            return document;
        }
        catch (YamlException e)
        {
            throw Error(file, e.Start, $"not valid YAML: {e.Message.TrimEnd('.')}", FixSyntax);
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner throws this instead of a YamlException on some unclosed flow collections ("[1, 2" then a new line).
            var after = parser.Current?.End ?? Mark.Empty;
            throw Error(file, after, "not valid YAML after this position (an unclosed '[' or '{'?)", FixSyntax);
        }
    }

    static SchemaNode Read(IParser parser, Dictionary<string, SchemaNode> anchors, string file)
    {
        if (parser.TryConsume<AnchorAlias>(out var alias))
            return anchors.TryGetValue(alias.Value.Value, out var target)
                ? target
                : throw Error(file, alias.Start,
                    $"the alias '*{alias.Value.Value}' refers to no anchor", $"Define '&{alias.Value.Value}' on a value before this line.");

        var start = parser.Current!;
        SchemaNode node = start switch
        {
            Scalar scalar => ReadScalar(parser, scalar),
            SequenceStart sequence => ReadSequence(parser, sequence, anchors, file),
            _ => ReadMapping(parser, parser.Consume<MappingStart>(), anchors, file),
        };
        if (start is NodeEvent { Anchor.IsEmpty: false } anchored) anchors[anchored.Anchor.Value] = node;
        return node;
    }

    static SchemaScalar ReadScalar(IParser parser, Scalar scalar)
    {
        parser.MoveNext();
        var isString = scalar.Style is not ScalarStyle.Plain;
        var isNull = !isString && scalar.Value is "" or "~" or "null" or "Null" or "NULL";
        return new SchemaScalar(isNull ? null : scalar.Value, isString, (int)scalar.Start.Line, (int)scalar.Start.Column);
    }

    static SchemaSequence ReadSequence(IParser parser, SequenceStart start, Dictionary<string, SchemaNode> anchors, string file)
    {
        parser.MoveNext();
        var items = new List<SchemaNode>();
        while (!parser.TryConsume<SequenceEnd>(out _)) items.Add(Read(parser, anchors, file));
        return new SchemaSequence(items, start.Style == SequenceStyle.Flow, (int)start.Start.Line, (int)start.Start.Column);
    }

    static SchemaMapping ReadMapping(IParser parser, MappingStart start, Dictionary<string, SchemaNode> anchors, string file)
    {
        var entries = new List<SchemaEntry>();
        while (!parser.TryConsume<MappingEnd>(out _))
        {
            var key = Read(parser, anchors, file);
            if (key is not SchemaScalar { Text: not null } name)
                throw new SchemaFileException(file, key.Line, key.Column, "a key must be a name", "Write keys as plain names, such as 'name:' or 'min:'.");
            entries.Add(new SchemaEntry(name, Read(parser, anchors, file)));
        }
        return new SchemaMapping(entries, start.Style == MappingStyle.Flow, (int)start.Start.Line, (int)start.Start.Column);
    }

    static SchemaFileException Error(string file, Mark at, string problem, string remedy) => new(file, (int)at.Line, (int)at.Column, problem, remedy);
}
