using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using MlopsBuild.Core.Text;

namespace MlopsBuild.Engine.UpToDate;

/// <summary>
/// Parses the lock file strictly (unknown, duplicate or missing properties are errors) and reports every problem as a
/// <see cref="BuildLockException"/> with its line and column. Hand-written on <see cref="Utf8JsonReader"/> because
/// the serializer cannot point at the line of a semantic error such as a missing property.
/// </summary>
internal sealed class BuildLockReader
{
    const string FixAdvice = "Fix it, or delete it to rebuild everything.";

    // The file is committed, so a bad merge is a likely way to break it.
    static readonly string[] ConflictMarkers = ["<<<<<<<", "=======", ">>>>>>>"];

    static readonly string[] TopLevelProperties = ["version", "targets"];
    static readonly string[] TargetProperties = ["definition", "inputs", "values", "outputs"];

    readonly string _lockFile;
    readonly byte[] _json;

    BuildLockReader(string lockFile, byte[] json)
    {
        _lockFile = lockFile;
        _json = json;
    }

    public static Dictionary<string, TargetRecord> Read(string lockFile, byte[] content)
    {
        var json = content.AsSpan().StartsWith(Encoding.UTF8.Preamble) ? content[Encoding.UTF8.Preamble.Length..] : content;
        var reader = new BuildLockReader(lockFile, json);
        // System.Text.Json only notices bytes that are not UTF-8 when it reads the string they are in.
        var invalid = Utf8Validation.FirstInvalidByte(json);
        if (invalid >= 0) throw reader.Error(invalid, $"byte 0x{json[invalid]:X2} is not UTF-8");
        try
        {
            // Version first, wherever it stands in the file: a newer format must not be reported as a shape error.
            reader.CheckSyntaxAndVersion();
            return reader.ReadTargetsSection();
        }
        catch (JsonException e)
        {
            throw reader.SyntaxError(e);
        }
    }

    void CheckSyntaxAndVersion()
    {
        var reader = new Utf8JsonReader(_json);
        reader.Read();
        if (reader.TokenType != JsonTokenType.StartObject) throw Error(reader.TokenStartIndex, "expected a JSON object at the top level");
        int? version = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = Text(ref reader);
            reader.Read();
            if (name == "version") version = ReadVersion(ref reader);
            else reader.Skip();
        }
        reader.Read(); // throws on content after the top-level object
        if (version is null) throw Error(0, "the \"version\" property is missing");
    }

    int ReadVersion(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.Number || !reader.TryGetInt32(out var version))
            throw Error(reader.TokenStartIndex, "\"version\" must be an integer");
        if (version != BuildLock.FormatVersion)
        {
            throw Error(reader.TokenStartIndex,
                $"format version {version} is not supported (this MlopsBuild reads version {BuildLock.FormatVersion}), so it was probably written by a newer MlopsBuild",
                "Upgrade MlopsBuild, or delete the file to rebuild everything.");
        }
        return version;
    }

    Dictionary<string, TargetRecord> ReadTargetsSection()
    {
        var reader = new Utf8JsonReader(_json);
        reader.Read();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        Dictionary<string, TargetRecord>? targets = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = PropertyName(ref reader, seen, "at the top level", TopLevelProperties);
            reader.Read();
            if (name == "targets") targets = ReadTargets(ref reader); // "version" was checked by CheckSyntaxAndVersion
        }
        return targets ?? throw Error(0, "the \"targets\" property is missing");
    }

    Dictionary<string, TargetRecord> ReadTargets(ref Utf8JsonReader reader)
    {
        ExpectObject(ref reader, "\"targets\"");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var targets = new Dictionary<string, TargetRecord>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = PropertyName(ref reader, seen, "in \"targets\"");
            reader.Read();
            targets[name] = ReadTarget(ref reader, name);
        }
        return targets;
    }

    TargetRecord ReadTarget(ref Utf8JsonReader reader, string target)
    {
        var what = $"target \"{target}\"";
        ExpectObject(ref reader, what);
        var start = reader.TokenStartIndex;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        string? definition = null;
        ImmutableSortedDictionary<string, string>? inputs = null, values = null, outputs = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = PropertyName(ref reader, seen, $"in {what}", TargetProperties);
            reader.Read();
            switch (name)
            {
                case "definition":
                    definition = ReadString(ref reader, $"\"definition\" of {what}");
                    break;
                case "inputs":
                    inputs = ReadStringMap(ref reader, $"\"inputs\" of {what}");
                    break;
                case "values":
                    values = ReadStringMap(ref reader, $"\"values\" of {what}");
                    break;
                case "outputs":
                    outputs = ReadStringMap(ref reader, $"\"outputs\" of {what}");
                    break;
            }
        }
        return new TargetRecord(
            definition ?? throw Missing(start, "definition", what),
            inputs ?? throw Missing(start, "inputs", what),
            values ?? throw Missing(start, "values", what),
            outputs ?? throw Missing(start, "outputs", what));
    }

    ImmutableSortedDictionary<string, string> ReadStringMap(ref Utf8JsonReader reader, string what)
    {
        ExpectObject(ref reader, what);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var map = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var key = PropertyName(ref reader, seen, $"in {what}");
            reader.Read();
            map[key] = ReadString(ref reader, $"the value of \"{key}\" in {what}");
        }
        return map.ToImmutable();
    }

    /// <param name="known">The property names allowed here; null allows any (map keys).</param>
    string PropertyName(ref Utf8JsonReader reader, HashSet<string> seen, string where, string[]? known = null)
    {
        var name = Text(ref reader);
        if (known is not null && !known.Contains(name)) throw Error(reader.TokenStartIndex, $"unknown property \"{name}\" {where}");
        if (!seen.Add(name)) throw Error(reader.TokenStartIndex, $"\"{name}\" appears twice {where}");
        return name;
    }

    string ReadString(ref Utf8JsonReader reader, string what)
    {
        if (reader.TokenType != JsonTokenType.String) throw Error(reader.TokenStartIndex, $"{what} must be a string, not {Describe(reader.TokenType)}");
        return Text(ref reader);
    }

    /// <summary>The current string; the text is known to be UTF-8, so it fails only on a \u escape of half a surrogate pair.</summary>
    string Text(ref Utf8JsonReader reader)
    {
        try
        {
            return reader.GetString()!;
        }
        catch (InvalidOperationException e)
        {
            throw Error(reader.TokenStartIndex, "a \\u escape in this string is half of a surrogate pair (\\ud800 to \\udfff alone)", inner: e);
        }
    }

    void ExpectObject(ref Utf8JsonReader reader, string what)
    {
        if (reader.TokenType != JsonTokenType.StartObject) throw Error(reader.TokenStartIndex, $"{what} must be an object, not {Describe(reader.TokenType)}");
    }

    BuildLockException Missing(long offset, string property, string what) => Error(offset, $"{what} has no \"{property}\" property");

    BuildLockException SyntaxError(JsonException e)
    {
        var offset = OffsetOf(e.LineNumber ?? 0, e.BytePositionInLine ?? 0);
        var line = LineAt(offset).TrimStart();
        if (ConflictMarkers.Any(marker => line.StartsWith(marker, StringComparison.Ordinal)))
            return Error(offset, "it contains an unresolved merge conflict marker", "Resolve the conflict, or delete the file to rebuild everything.", e);
        // The reader's message ends with its own 0-based "LineNumber: .. | BytePositionInLine: .." which would contradict ours.
        var problem = e.Message;
        var suffix = problem.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (suffix >= 0) problem = problem[..suffix];
        return Error(offset, $"it is not valid JSON ({problem.TrimEnd(' ', '.')})", FixAdvice, e);
    }

    BuildLockException Error(long offset, string problem, string advice = FixAdvice, Exception? inner = null)
    {
        var before = _json.AsSpan(0, (int)Math.Min(offset, _json.Length));
        var lineStart = before.LastIndexOf((byte)'\n') + 1;
        var line = before.Count((byte)'\n') + 1;
        var column = Encoding.UTF8.GetCharCount(before[lineStart..]) + 1;
        return new BuildLockException(_lockFile, line, column, problem, advice, inner);
    }

    long OffsetOf(long zeroBasedLine, long bytePositionInLine)
    {
        var offset = 0;
        for (var line = 0; line < zeroBasedLine && offset < _json.Length; line++)
        {
            var next = _json.AsSpan(offset).IndexOf((byte)'\n');
            if (next < 0) break;
            offset += next + 1;
        }
        return offset + bytePositionInLine;
    }

    string LineAt(long offset)
    {
        var start = (int)Math.Min(offset, _json.Length);
        start = _json.AsSpan(0, start).LastIndexOf((byte)'\n') + 1;
        var length = _json.AsSpan(start).IndexOf((byte)'\n');
        return Encoding.UTF8.GetString(_json, start, length < 0 ? _json.Length - start : length);
    }

    static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        _ => token.ToString(),
    };
}
