using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using MlopsBuild.Data.Reading;
using MlopsBuild.Data.Schema;
using MlopsBuild.Data.Statistics;

namespace MlopsBuild.Data.Validation;

/// <summary>
/// Checks one column of every batch against its schema and feeds its statistics, in the same pass.
/// Each instance is touched by one thread at a time, so columns can be processed in parallel.
/// </summary>
internal sealed class ColumnCheck
{
    readonly NumericAccumulator? numeric;
    readonly NumberBlock? numbers;
    readonly CategoricalAccumulator? categorical;
    readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>>? allowed;
    readonly Regex? pattern;
    readonly HashSet<ulong>? seenValues;
    readonly double min;
    readonly double max;
    readonly bool plainDecimals; // numeric, with no pattern or uniqueness to check
    readonly bool plainBooleans; // boolean, with no pattern or uniqueness to check
    readonly ViolationCounter typeMismatch = new(AnomalyKind.TypeMismatch);
    readonly ViolationCounter outOfRange = new(AnomalyKind.OutOfRange);
    readonly ViolationCounter unknownCategory = new(AnomalyKind.UnknownCategory);
    readonly ViolationCounter patternMismatch = new(AnomalyKind.PatternMismatch);
    readonly ViolationCounter duplicate = new(AnomalyKind.DuplicateValue);
    readonly FieldDecoder decoder = new();
    long missing;
    long present;
    long trues;   // booleans read from UTF-8 since the last block, not yet counted as categories
    long falses;

    public ColumnCheck(ColumnSchema schema)
    {
        Schema = schema;
        if (schema.Type is ColumnType.Numeric or ColumnType.Integer or ColumnType.DateTime)
        {
            numeric = new NumericAccumulator();
            numbers = new NumberBlock();
        }
        else
        {
            categorical = new CategoricalAccumulator();
        }
        if (schema.AllowedValues is { } values) allowed = new HashSet<string>(values, StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        if (schema.Pattern is { } text) pattern = new Regex($"^(?:{text})$", RegexOptions.CultureInvariant | RegexOptions.Compiled);
        if (schema.Unique) seenValues = [];
        plainDecimals = schema.Type == ColumnType.Numeric && pattern is null && seenValues is null;
        plainBooleans = schema.Type == ColumnType.Boolean && pattern is null && seenValues is null;
        min = schema.Min ?? double.NegativeInfinity;
        max = schema.Max ?? double.PositiveInfinity;
    }

    public ColumnSchema Schema { get; }

    /// <summary>
    /// Takes the field when it is a short decimal (see <see cref="NumberParser"/>) in a plain numeric column, as most
    /// fields of numeric data are; false leaves it to <see cref="Take"/>. A small method that calls nothing, optimised
    /// from its first call: its values stay in registers, where inlined into the per-row loop with every other kind of
    /// field they were spilled to the stack.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    public bool TryTakeShortDecimal(RowBatch batch, int row, int index)
    {
        if (!plainDecimals || !batch.TryGetFieldOfValidRow(row, index, out var text) || !NumberParser.TryParseShortDecimal(text, out var value)) return false;
        present++;
        numbers!.Add(value, row);
        return true;
    }

    /// <summary>
    /// Takes this column's fields of rows <paramref name="row"/> to <paramref name="row"/> + 3 when the column is plain
    /// numeric and all four are short decimals, parsed together (<see cref="FourShortDecimals"/>); false leaves the four
    /// rows to <see cref="TryTakeShortDecimal"/> and <see cref="Take"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    public bool TryTakeFourShortDecimals(RowBatch batch, int row, int index)
    {
        if (!plainDecimals || !batch.TryParseShortDecimalsOfFourRows(row, index, out var values)) return false;
        present += 4;
        numbers!.AddFour(values, row);
        return true;
    }

    /// <summary>
    /// Checks this column's field of one row of the batch: <paramref name="index"/> is its position in
    /// <paramref name="file"/>, <paramref name="rowOffset"/> the rows of the dataset's earlier files. A number is only
    /// parsed here: <see cref="EndBlock"/> adds a block of them to the statistics together.
    /// </summary>
    public void Take(RowBatch batch, int row, int index, string file, long rowOffset)
    {
        if (!batch.TryGetField(row, index, out var utf8))
        {
            missing++;
            if (numeric is null) categorical!.AddMissing();
            else numeric.AddMissing();
            return;
        }
        present++;
        // Booleans are counted from their bytes: decoding each one and looking it up among the categories took 3% of a
        // validation of numbers with a boolean label, and a third of its JIT time (the decoder and lookups grew hot).
        if (plainBooleans && BooleanText.TryParse(utf8, out var flag))
        {
            if (flag) trues++;
            else falses++;
            return;
        }
        var text = decoder.Decode(utf8);
        if (numeric is null) CheckAndCount(text)?.Add(rowOffset + batch.FirstRow + row, file, batch.Line(row), text);
        else if (TryParseNumber(text, out var value)) numbers!.Add(value, row);
        else typeMismatch.Add(rowOffset + batch.FirstRow + row, file, batch.Line(row), text);
        CheckText(batch, row, text, file, rowOffset);
    }

    /// <summary>
    /// Ends a block of at most <see cref="NumberBlock.Size"/> rows of the batch, taken one by one: adds their numbers
    /// to the statistics a stage at a time, so that each stage's tables stay in the L1 cache (value by value, every
    /// column's tables would compete for it), and checks their range. A boolean column adds the block's count of each
    /// value instead (two lookups per block, not one per row).
    /// </summary>
    public void EndBlock(RowBatch batch, int index, string file, long rowOffset)
    {
        if (numbers is null)
        {
            CountBooleans();
            return;
        }
        var values = numbers.Values;
        numeric!.AddRange(values);
        if (!FiniteValues.AllWithin(values, min, max))
        {
            for (var i = 0; i < values.Length; i++)
            {
                if (values[i] >= min && values[i] <= max) continue;
                var row = numbers.Row(i);
                outOfRange.Add(rowOffset + batch.FirstRow + row, file, batch.Line(row), batch.Field(row, index));
            }
        }
        numbers.Clear();
    }

    /// <summary>Adds the booleans <see cref="Take"/> counted to the statistics, a category at a time.</summary>
    void CountBooleans()
    {
        if (trues > 0) categorical!.Add("true", trues);
        if (falses > 0) categorical!.Add("false", falses);
        trues = falses = 0;
    }

    /// <summary>A finite number of the column's type (date-times as Unix seconds).</summary>
    bool TryParseNumber(ReadOnlySpan<char> text, out double value)
    {
        switch (Schema.Type)
        {
            case ColumnType.Numeric:
                return NumberParser.TryParseDouble(text, out value) && double.IsFinite(value);
            case ColumnType.Integer:
                var parsed = NumberParser.TryParseInt64(text, out var whole);
                value = whole;
                return parsed;
            default:
                return DateTimeText.TryParseUnixSeconds(text, out value);
        }
    }

    /// <summary>The checks on the text of any type: pattern and uniqueness.</summary>
    void CheckText(RowBatch batch, int row, ReadOnlySpan<char> text, string file, long rowOffset)
    {
        if (pattern is not null && !pattern.IsMatch(text)) patternMismatch.Add(rowOffset + batch.FirstRow + row, file, batch.Line(row), text);
        if (seenValues is not null && !seenValues.Add(StableHash.OfText(text)))
            duplicate.Add(rowOffset + batch.FirstRow + row, file, batch.Line(row), text);
    }

    /// <summary>Adds a boolean or categorical value to the statistics, and returns the violation it is, if any.</summary>
    ViolationCounter? CheckAndCount(ReadOnlySpan<char> text)
    {
        if (Schema.Type == ColumnType.Boolean)
        {
            if (!BooleanText.TryParse(text, out var flag)) return typeMismatch;
            categorical!.Add(flag ? "true" : "false");
            return null;
        }
        categorical!.Add(text);
        return allowed is { } known && !known.Contains(text) ? unknownCategory : null;
    }

    public ColumnStatistics Statistics() =>
        new(Schema.Name, Schema.Type, Schema.Role, numeric?.Summarize(), categorical?.Summarize());

    public IEnumerable<Anomaly> Anomalies(long rows)
    {
        if (rows > 0 && (double)missing / rows > Schema.MaxMissingFraction)
        {
            yield return new Anomaly(AnomalyKind.TooManyMissing, Severity.Error, Schema.Name, missing, (double)missing / rows, [], [],
                $"{Schema.Name}: {missing} of {rows} values ({ViolationCounter.Percent(missing, rows)}) missing; at most {Schema.MaxMissingFraction.ToString("0.###%", CultureInfo.InvariantCulture)} may be");
        }
        foreach (var (counter, what) in ValueViolations())
        {
            if (counter.Count == 0) continue;
            var withinMostly = (double)counter.Count / present <= 1 - Schema.Mostly;
            yield return counter.ToAnomaly(Schema.Name, withinMostly ? Severity.Warning : Severity.Error, present,
                withinMostly ? $"{what} (tolerated: mostly {Schema.Mostly.ToString(CultureInfo.InvariantCulture)})" : what);
        }
        if (duplicate.Count > 0)
            yield return duplicate.ToAnomaly(Schema.Name, Severity.Error, present, "repeating an earlier value, but the column must be unique");
    }

    IEnumerable<(ViolationCounter Counter, string What)> ValueViolations()
    {
        yield return (typeMismatch, "not " + Schema.Type switch
        {
            ColumnType.Numeric => "numbers",
            ColumnType.Integer => "whole numbers",
            ColumnType.Boolean => "booleans (true/false, yes/no, 1/0)",
            _ => "ISO 8601 dates (yyyy-mm-dd[Thh:mm:ss])",
        });
        yield return (outOfRange, $"outside [{Format(Schema.Min)}, {Format(Schema.Max)}]");
        yield return (unknownCategory, $"not among the {Schema.AllowedValues?.Count} known categories");
        yield return (patternMismatch, $"not matching the pattern {Schema.Pattern}");
    }

    string Format(double? bound) => bound switch
    {
        null => "…",
        { } seconds when Schema.Type == ColumnType.DateTime => DateTimeText.Format(seconds),
        { } number => number.ToString("R", CultureInfo.InvariantCulture),
    };
}
