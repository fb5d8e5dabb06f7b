namespace MlopsBuild.Data.Schema;

/// <summary>
/// A schema document as a tree, whatever its syntax (YAML or JSON), with where each part was written
/// (1-based; 0 for trees built in memory). Reading and writing both go through it, so both syntaxes share one set of rules.
/// </summary>
internal abstract record SchemaNode(int Line, int Column);

/// <summary>
/// A single value; <paramref name="Text"/> is null for null, <c>~</c> or nothing. <paramref name="IsString"/>: the value is
/// text for sure (quoted in YAML, a string in JSON), never a number or boolean; unquoted YAML values may be either.
/// </summary>
internal sealed record SchemaScalar(string? Text, bool IsString, int Line = 0, int Column = 0) : SchemaNode(Line, Column);

/// <summary>Keys and values in written order. <paramref name="Compact"/>: written on one line (<c>{ min: 0, max: 1 }</c>).</summary>
internal sealed record SchemaMapping(IReadOnlyList<SchemaEntry> Entries, bool Compact, int Line = 0, int Column = 0) : SchemaNode(Line, Column);

internal sealed record SchemaEntry(SchemaScalar Key, SchemaNode Value);

/// <summary>A list. <paramref name="Compact"/>: written on one line (<c>[north, south]</c>).</summary>
internal sealed record SchemaSequence(IReadOnlyList<SchemaNode> Items, bool Compact, int Line = 0, int Column = 0) : SchemaNode(Line, Column);
