using MlopsBuild.Learning.Features;
using MlopsBuild.Learning.Training;

namespace MlopsBuild.Quality.Gates;

/// <summary>
/// Featurizes rows of a dataset for a model whose inputs may differ from the dataset's: columns are matched by name
/// and categories by their text, so a champion trained on fewer columns, or with categories in another order, reads
/// the same rows correctly.
/// </summary>
public static class ModelInputs
{
    /// <summary>The rows' features in the model's input order, or why the model cannot read this data.</summary>
    public static (FeatureMatrix? Features, string? Problem) Map(TabularDataset dataset, ReadOnlySpan<int> rows, ModelSignature model)
    {
        var available = dataset.Signature.Inputs;
        var columns = new float[model.Inputs.Count][];
        for (var j = 0; j < model.Inputs.Count; j++)
        {
            var input = model.Inputs[j];
            var source = IndexOf(available, input.Name);
            if (source < 0) return (null, $"it reads the column '{input.Name}', which the data does not have");
            var kind = Featurizer.FeatureOf(input).Kind;
            var sourceKind = Featurizer.FeatureOf(available[source]).Kind;
            if (kind != sourceKind)
                return (null, $"it reads '{input.Name}' as {kind.ToString().ToLowerInvariant()}, the data has it {sourceKind.ToString().ToLowerInvariant()}");
            var values = dataset.Data.Features.Columns[source];
            var recode = kind == FeatureKind.Categorical ? Recoding(available[source].Categories, input.Categories) : null;
            var column = new float[rows.Length];
            for (var i = 0; i < rows.Length; i++)
            {
                var value = values[rows[i]];
                column[i] = recode is null || float.IsNaN(value) ? value : recode[(int)value];
            }
            columns[j] = column;
        }
        return (new FeatureMatrix(model.Features(), columns), null);
    }

    static int IndexOf(IReadOnlyList<InputColumn> inputs, string name)
    {
        for (var i = 0; i < inputs.Count; i++)
            if (inputs[i].Name == name) return i;
        return -1;
    }

    /// <summary>Per dataset category code, the model's code for the same text (NaN: a category the model never saw).</summary>
    static float[] Recoding(IReadOnlyList<string> from, IReadOnlyList<string> to)
    {
        var codes = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var code = 0; code < to.Count; code++) codes[to[code]] = code;
        return from.Select(category => codes.TryGetValue(category, out var code) ? code : float.NaN).ToArray();
    }
}
