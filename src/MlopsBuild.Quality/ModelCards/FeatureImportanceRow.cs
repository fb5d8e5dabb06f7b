namespace MlopsBuild.Quality.ModelCards;

/// <summary>One feature's share of the model's reliance; <paramref name="Splits"/> is for tree models only.</summary>
internal sealed record FeatureImportanceRow(string Feature, double Share, long? Splits, double? SplitShare);
