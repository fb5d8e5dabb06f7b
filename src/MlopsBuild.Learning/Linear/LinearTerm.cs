namespace MlopsBuild.Learning.Linear;

/// <summary>
/// One feature's part of a linear model's scores. Numeric and boolean features: score k += Weights[k] × (x − Mean)
/// / Scale, and a missing value adds nothing (mean imputation). Categorical features (one-hot): score k +=
/// Weights[c × K + k] for category c, and a missing or unseen category adds nothing.
/// </summary>
public sealed record LinearTerm(int Feature, double Mean, double Scale, double[] Weights);
