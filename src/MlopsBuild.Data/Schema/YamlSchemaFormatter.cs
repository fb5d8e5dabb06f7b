using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace MlopsBuild.Data.Schema;

/// <summary>Writes a <see cref="SchemaNode"/> tree as YAML: LF line ends, two-space indents, no line wrapping.</summary>
internal static class YamlSchemaFormatter
{
    public static string Format(SchemaNode document, string? headerComment)
    {
        var text = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        if (headerComment is not null)
            foreach (var line in headerComment.ReplaceLineEndings("\n").Split('\n'))
                text.Write(line.Length == 0 ? "#\n" : $"# {line}\n");

        var emitter = new Emitter(text, new EmitterSettings().WithIndentedSequences().WithNewLine("\n").WithBestWidth(int.MaxValue));
        emitter.Emit(new StreamStart());
        emitter.Emit(new DocumentStart(null, null, isImplicit: true));
        Emit(emitter, document);
        emitter.Emit(new DocumentEnd(isImplicit: true));
        emitter.Emit(new StreamEnd());
        return text.ToString();
    }

    static void Emit(IEmitter emitter, SchemaNode node)
    {
        switch (node)
        {
            case SchemaScalar { IsString: true, Text: var text }:
                // Quoted when a YAML reader would otherwise take the text for a number, boolean or null.
                emitter.Emit(new Scalar(null, null, text ?? "", ScalarStyle.Any, isPlainImplicit: !LooksTyped(text ?? ""), isQuotedImplicit: true));
                break;
            case SchemaScalar scalar:
                emitter.Emit(new Scalar(scalar.Text ?? "null"));
                break;
            case SchemaSequence sequence:
                emitter.Emit(new SequenceStart(null, null, isImplicit: true, sequence.Compact ? SequenceStyle.Flow : SequenceStyle.Block));
                foreach (var item in sequence.Items) Emit(emitter, item);
                emitter.Emit(new SequenceEnd());
                break;
            case SchemaMapping mapping:
                emitter.Emit(new MappingStart(null, null, isImplicit: true, mapping.Compact ? MappingStyle.Flow : MappingStyle.Block));
                foreach (var entry in mapping.Entries)
                {
                    Emit(emitter, entry.Key);
                    Emit(emitter, entry.Value);
                }
                emitter.Emit(new MappingEnd());
                break;
        }
    }

    static bool LooksTyped(string text) =>
        text.Length == 0
        || text.ToLowerInvariant() is "~" or "null" or "true" or "false" or "yes" or "no" or "on" or "off" or "y" or "n"
        || double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _);
}
