namespace MlopsBuild.Quality.ModelCards;

/// <summary>Row counts by [actual class][predicted class], with the class names in index order.</summary>
/// <param name="Threshold">The probability at which a binary row is predicted positive; null for multiclass.</param>
internal sealed record ConfusionTable(IReadOnlyList<string> Classes, long[][] Counts, double? Threshold)
{
    /// <summary>The candidate's confusion matrix on the test rows; null for regression.</summary>
    public static ConfusionTable? Of(ModelCardInput input)
    {
        var classes = input.Model.Signature.ClassNames;
        if (input.Test.Binary is { } binary)
            return new(classes, [[binary.TrueNegatives, binary.FalsePositives], [binary.FalseNegatives, binary.TruePositives]], binary.Threshold);
        if (input.Test.Multiclass is { } multiclass)
            return new(classes, multiclass.ConfusionMatrix, null);
        return null;
    }

    public long RowTotal(int actual) => Counts[actual].Sum();

    /// <summary>The share of actual class <paramref name="actual"/> predicted as <paramref name="predicted"/> (0 for an empty row).</summary>
    public double RowShare(int actual, int predicted)
    {
        var total = RowTotal(actual);
        return total == 0 ? 0 : (double)Counts[actual][predicted] / total;
    }
}
