using MlopsBuild.Data.Reading;
using MlopsBuild.Data.Schema;
using MlopsBuild.Data.Validation;

namespace MlopsBuild.Learning.Features;

/// <summary>
/// Turns a model's input values, as text, into features: numbers as they are (date-times as Unix seconds), booleans
/// 0/1, categories their code. A missing value and an unseen category become NaN, which every predictor handles as
/// missing. The same featurizer serves training and scoring, so the two cannot disagree.
/// </summary>
public sealed class Featurizer
{
    readonly IReadOnlyList<InputColumn> inputs;
    readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>>?[] categoryCodes;

    public Featurizer(ModelSignature signature)
    {
        inputs = signature.Inputs;
        categoryCodes = new Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>>?[inputs.Count];
        for (var i = 0; i < inputs.Count; i++)
        {
            if (inputs[i].Type != ColumnType.Categorical) continue;
            var codes = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var category in inputs[i].Categories) codes.Add(category, codes.Count);
            categoryCodes[i] = codes.GetAlternateLookup<ReadOnlySpan<char>>();
        }
        Features = signature.Features();
    }

    public IReadOnlyList<FeatureInfo> Features { get; }

    /// <summary>The feature an input column becomes.</summary>
    public static FeatureInfo FeatureOf(InputColumn column) => column.Type switch
    {
        ColumnType.Numeric or ColumnType.Integer or ColumnType.DateTime => FeatureInfo.Numeric(column.Name),
        ColumnType.Boolean => FeatureInfo.Boolean(column.Name),
        ColumnType.Categorical => FeatureInfo.Categorical(column.Name, column.Categories),
        _ => throw new ArgumentException($"Column {column.Name}: {column.Type} columns cannot be model inputs.", nameof(column)),
    };

    /// <summary>
    /// Input <paramref name="input"/>'s value from its text. False when the text is not a value of the column's type
    /// (a number that does not parse, an infinite number); missing values and unseen categories are NaN, not errors.
    /// </summary>
    public bool TryFeaturize(int input, ReadOnlySpan<char> text, out float value)
    {
        if (categoryCodes[input] is not { } codes) return TryParseValue(inputs[input].Type, text, out value);
        value = !text.IsEmpty && codes.TryGetValue(text, out var code) ? code : float.NaN;
        return true;
    }

    /// <summary>
    /// A value of a numeric, integer, date-time or boolean column from its text (empty text is missing: NaN). Training
    /// and scoring both parse through here.
    /// </summary>
    public static bool TryParseValue(ColumnType type, ReadOnlySpan<char> text, out float value)
    {
        value = float.NaN;
        if (text.IsEmpty) return true;
        switch (type)
        {
            case ColumnType.Numeric:
                return NumberParser.TryParseDouble(text, out var number) && TryNarrow(number, out value);
            case ColumnType.Integer:
                if (!NumberParser.TryParseInt64(text, out var whole)) return false;
                value = whole;
                return true;
            case ColumnType.DateTime:
                if (!DateTimeText.TryParseUnixSeconds(text, out var seconds)) return false;
                value = (float)seconds;
                return true;
            case ColumnType.Boolean:
                if (!BooleanText.TryParse(text, out var flag)) return false;
                value = flag ? 1f : 0f;
                return true;
            default:
                throw new ArgumentException($"{type} values are not parsed as numbers.", nameof(type));
        }
    }

    /// <summary>
    /// A numeric column's value from its UTF-8 text, bit for bit what <see cref="TryParseValue"/> gives for the decoded
    /// text: training's loader reads numbers without decoding them.
    /// </summary>
    public static bool TryParseNumeric(ReadOnlySpan<byte> utf8, out float value)
    {
        value = float.NaN;
        if (utf8.IsEmpty) return true;
        return NumberParser.TryParseDouble(utf8, out var number) && TryNarrow(number, out value);
    }

    /// <summary>A finite double as a finite float: false for an infinite double (NaN) or one beyond float's range.</summary>
    static bool TryNarrow(double number, out float value)
    {
        if (!double.IsFinite(number))
        {
            value = float.NaN;
            return false;
        }
        value = (float)number;
        return float.IsFinite(value);
    }

    /// <summary>Whether the input's category is one the model knows (false for every other input type).</summary>
    public bool IsKnownCategory(int input, ReadOnlySpan<char> text) =>
        categoryCodes[input] is { } codes && codes.TryGetValue(text, out _);
}
