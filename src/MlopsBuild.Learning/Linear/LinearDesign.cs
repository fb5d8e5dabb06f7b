using System.Globalization;
using MlopsBuild.Learning.Features;
using MlopsBuild.Learning.Training;

namespace MlopsBuild.Learning.Linear;

/// <summary>
/// The training rows as the optimiser reads them: numeric/boolean features standardised ((x − mean) / scale, missing
/// = 0, i.e. the mean), categorical features as codes (−1 = missing), and the parameter layout. Parameters are, in
/// order: K intercepts, then K weights per dense feature, then K weights per category of each categorical feature
/// (feature-major, then category, then score). Constant features are dropped: they carry nothing a linear model
/// could use.
/// </summary>
internal sealed class LinearDesign
{
    LinearDesign(int rowCount, int scoreCount, DenseFeature[] dense, CategoricalFeature[] categorical, double[] targets)
    {
        RowCount = rowCount;
        ScoreCount = scoreCount;
        Dense = dense;
        Categorical = categorical;
        Targets = targets;
        var offset = scoreCount * (1 + dense.Length);
        foreach (var feature in categorical)
        {
            feature.Offset = offset;
            offset += feature.CategoryCount * scoreCount;
        }
        ParameterCount = offset;
    }

    public int RowCount { get; }

    /// <summary>K for multiclass, else 1.</summary>
    public int ScoreCount { get; }

    public DenseFeature[] Dense { get; }

    public CategoricalFeature[] Categorical { get; }

    /// <summary>What row losses compare with: 0/1, the class index, or the standardised regression target.</summary>
    public double[] Targets { get; }

    public int ParameterCount { get; }

    /// <summary>Index of the first dense weight: the intercepts come before it and are not penalised.</summary>
    public int FirstWeight => ScoreCount;

    /// <summary>A standardised numeric or boolean feature.</summary>
    internal sealed record DenseFeature(int Feature, double Mean, double Scale, float[] Values);

    /// <summary>A one-hot encoded feature: a code per row, −1 when missing.</summary>
    internal sealed record CategoricalFeature(int Feature, int CategoryCount, int[] Codes)
    {
        public int Offset { get; set; }
    }

    /// <summary>Standardises <paramref name="features"/> (statistics from these rows) and pairs them with the targets.</summary>
    /// <exception cref="TrainingException">An infinite value, a category code out of range, or no usable feature.</exception>
    public static LinearDesign Build(FeatureMatrix features, double[] targets, int scoreCount, int threads)
    {
        var count = features.FeatureCount;
        var dense = new DenseFeature?[count];
        var categorical = new CategoricalFeature?[count];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = threads };
        var errors = new TrainingException?[count];
        Parallel.For(0, count, parallel, j =>
        {
            var info = features.Features[j];
            var column = features.Columns[j];
            try
            {
                if (info.Kind == FeatureKind.Categorical) categorical[j] = EncodeCategorical(j, info, column);
                else dense[j] = Standardise(j, info, column);
            }
            catch (TrainingException error)
            {
                errors[j] = error;
            }
        });
        // The first bad feature in column order, whichever thread found it.
        if (errors.FirstOrDefault(error => error is not null) is { } firstError) throw firstError;
        var usedDense = dense.OfType<DenseFeature>().ToArray();
        var usedCategorical = categorical.OfType<CategoricalFeature>().ToArray();
        if (usedDense.Length == 0 && usedCategorical.Length == 0)
            throw new TrainingException(
                $"None of the {count} features varies over the {features.RowCount} training rows (each is constant or always missing), " +
                "so a linear model has nothing to learn from. Add informative features or check the data.");
        return new LinearDesign(features.RowCount, scoreCount, usedDense, usedCategorical, targets);
    }

    static DenseFeature? Standardise(int feature, FeatureInfo info, float[] column)
    {
        var (sum, present) = ColumnStatistics.SumPresent(column);
        if (!double.IsFinite(sum))
        {
            var row = Array.FindIndex(column, value => float.IsInfinity(value));
            throw new TrainingException(
                $"Feature {info.Name} is {column[row].ToString(CultureInfo.InvariantCulture)} at training row {row}. Infinite values " +
                "cannot be standardised; replace them with a finite value or leave them missing.");
        }
        if (present == 0) return null;
        var mean = sum / present;
        // Population standard deviation, as scikit-learn's StandardScaler.
        var scale = Math.Sqrt(ColumnStatistics.SquaredDeviations(column, mean) / present);
        if (!(scale > 0)) return null;
        var values = GC.AllocateUninitializedArray<float>(column.Length);
        ColumnStatistics.Standardise(column, mean, scale, values);
        return new DenseFeature(feature, mean, scale, values);
    }

    static CategoricalFeature? EncodeCategorical(int feature, FeatureInfo info, float[] column)
    {
        var codes = new int[column.Length];
        var first = int.MinValue;
        var varies = false;
        for (var i = 0; i < column.Length; i++)
        {
            var value = column[i];
            var code = -1;
            if (!float.IsNaN(value))
            {
                code = (int)value;
                if (code != value || code < 0 || code >= info.CategoryCount)
                    throw new TrainingException(
                        $"Categorical feature {info.Name} holds {value} at training row {i}, but its codes run from 0 to " +
                        $"{info.CategoryCount - 1} ({info.CategoryCount} categories). Featurize the data with the model's featurizer.");
            }
            codes[i] = code;
            if (i == 0) first = code;
            else if (code != first) varies = true;
        }
        return varies ? new CategoricalFeature(feature, info.CategoryCount, codes) : null;
    }
}
