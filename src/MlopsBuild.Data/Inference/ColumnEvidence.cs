using MlopsBuild.Data.Reading;
using MlopsBuild.Data.Statistics;
using MlopsBuild.Data.Validation;

namespace MlopsBuild.Data.Inference;

/// <summary>What one pass learns about a column whose type is not known yet: which types its values would fit.</summary>
internal sealed class ColumnEvidence(string name, bool countEveryValue)
{
    readonly FieldDecoder decoder = new();

    public string Name { get; } = name;
    public long Missing { get; private set; }
    public long Present { get; private set; }
    public long Booleans { get; private set; }
    public long Integers { get; private set; }
    public long Numbers { get; private set; }
    public long DateTimes { get; private set; }
    public double Min { get; private set; } = double.PositiveInfinity;
    public double Max { get; private set; } = double.NegativeInfinity;

    /// <summary>
    /// The values seen, for categories and distinct counts: every one when <c>countEveryValue</c> (an id must be told
    /// unique), else only until there are more than <see cref="SchemaInference.MaxCategories"/> distinct ones, which is
    /// all a type decision needs: counting every value of columns of a million distinct numbers took two thirds of a pass.
    /// </summary>
    public CategoricalAccumulator Values { get; } = new();

    /// <summary>More distinct values than <see cref="SchemaInference.MaxCategories"/> were seen; <see cref="Values"/> stopped there.</summary>
    public bool ManyValues => !countEveryValue && Values.TrackedCount > SchemaInference.MaxCategories;

    /// <summary>Adds a field's UTF-8 bytes; decodes them only when a check needs characters.</summary>
    public void Add(ReadOnlySpan<byte> utf8, bool missing)
    {
        if (missing)
        {
            Missing++;
            Values.AddMissing();
            return;
        }
        Present++;
        // Most numbers in data are short decimals, read from the bytes: a number, whole when it has no point; never a
        // boolean spelling nor a date.
        if (NumberParser.TryParseShortDecimal(utf8, out var number))
        {
            if (!ManyValues) Values.Add(decoder.Decode(utf8));
            if (!utf8.Contains((byte)'.')) Integers++;
            AddNumber(number);
            return;
        }
        var text = decoder.Decode(utf8);
        if (!ManyValues) Values.Add(text);
        if (BooleanText.TryParse(text, out _)) Booleans++;
        if (NumberParser.TryParseInt64(text, out _)) Integers++;
        if (NumberParser.TryParseDouble(text, out number) && double.IsFinite(number)) AddNumber(number);
        else if (DateTimeText.TryParseUnixSeconds(text, out _)) DateTimes++;
    }

    void AddNumber(double number)
    {
        Numbers++;
        Min = Math.Min(Min, number);
        Max = Math.Max(Max, number);
    }
}
