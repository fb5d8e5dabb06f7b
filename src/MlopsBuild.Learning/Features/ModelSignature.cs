using MlopsBuild.Data.Schema;

namespace MlopsBuild.Learning.Features;

/// <summary>
/// What a model takes and gives: its input columns (feature i is input i) and its label. Class names, for
/// classification, are the label's values in class-index order (binary: the negative class, then the positive).
/// </summary>
public sealed record ModelSignature(IReadOnlyList<InputColumn> Inputs, string Label, ColumnType LabelType, IReadOnlyList<string> ClassNames)
{
    /// <summary>The features the inputs become (see <see cref="Featurizer"/>).</summary>
    public IReadOnlyList<FeatureInfo> Features() => Inputs.Select(Featurizer.FeatureOf).ToArray();
}
