namespace MlopsBuild.Learning;

/// <summary>What a model predicts.</summary>
public enum LearningTask
{
    /// <summary>Two classes; one score, the log-odds of the positive class (class 1).</summary>
    BinaryClassification,
    /// <summary>K ≥ 3 classes; K scores, softmax gives the probabilities.</summary>
    MulticlassClassification,
    /// <summary>A real number; one score, the prediction itself.</summary>
    Regression,
}
