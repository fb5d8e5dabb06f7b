namespace MlopsBuild.Learning.Persistence;

/// <summary>Which predictor a model file holds.</summary>
public enum PredictorKind
{
    /// <summary>A <see cref="Trees.TreeEnsemble"/>.</summary>
    TreeEnsemble,
    /// <summary>A <see cref="Linear.LinearModel"/>.</summary>
    Linear,
}
