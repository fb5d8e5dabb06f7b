using MlopsBuild.Data.Reading;
using MlopsBuild.Data.Statistics;
using MlopsBuild.Data.Validation;

namespace MlopsBuild.Data.Inference;

/// <summary>What one pass learns about a column whose type is not known yet: which types its values would fit.</summary>
internal sealed class ColumnEvidence(string name)
{
    public string Name { get; } = name;
    public long Missing { get; private set; }
    public long Present { get; private set; }
    public long Booleans { get; private set; }
    public long Integers { get; private set; }
    public long Numbers { get; private set; }
    public long DateTimes { get; private set; }
    public double Min { get; private set; } = double.PositiveInfinity;
    public double Max { get; private set; } = double.NegativeInfinity;
    public CategoricalAccumulator Values { get; } = new();

    public void Add(ReadOnlySpan<char> text, bool missing)
    {
        if (missing)
        {
            Missing++;
            Values.AddMissing();
            return;
        }
        Present++;
        Values.Add(text);
        if (BooleanText.TryParse(text, out _)) Booleans++;
        if (NumberParser.TryParseInt64(text, out _)) Integers++;
        if (NumberParser.TryParseDouble(text, out var number) && double.IsFinite(number))
        {
            Numbers++;
            Min = Math.Min(Min, number);
            Max = Math.Max(Max, number);
        }
        else if (DateTimeText.TryParseUnixSeconds(text, out _)) DateTimes++;
    }
}
