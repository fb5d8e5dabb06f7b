using MlopsBuild.Learning.Features;

namespace MlopsBuild.Learning.Training;

/// <summary>
/// Features and labels for a trainer. Labels: 0 or 1 for binary classification, the class index 0 … K − 1 for
/// multiclass, the target value for regression. Every label is finite.
/// </summary>
public sealed class TrainingData
{
    public TrainingData(FeatureMatrix features, float[] labels, LearningTask task, int classCount)
    {
        if (labels.Length != features.RowCount)
            throw new ArgumentException($"{labels.Length} labels for {features.RowCount} rows.", nameof(labels));
        var expectedClasses = task switch
        {
            LearningTask.BinaryClassification => 2,
            LearningTask.Regression => 0,
            _ => classCount,
        };
        if (classCount != expectedClasses || (task == LearningTask.MulticlassClassification && classCount < 3))
            throw new ArgumentException($"{task} cannot have {classCount} classes.", nameof(classCount));
        Features = features;
        Labels = labels;
        Task = task;
        ClassCount = classCount;
    }

    public FeatureMatrix Features { get; }

    public float[] Labels { get; }

    public LearningTask Task { get; }

    /// <summary>2 for binary, K for multiclass, 0 for regression.</summary>
    public int ClassCount { get; }

    public int RowCount => Features.RowCount;

    /// <summary>Scores a model of this task produces per row: K for multiclass, else 1.</summary>
    public int ScoreCount => Task == LearningTask.MulticlassClassification ? ClassCount : 1;

    /// <summary>The rows at <paramref name="rows"/>, in that order.</summary>
    public TrainingData Select(ReadOnlySpan<int> rows)
    {
        var labels = new float[rows.Length];
        for (var i = 0; i < rows.Length; i++) labels[i] = Labels[rows[i]];
        return new TrainingData(Features.Select(rows), labels, Task, ClassCount);
    }
}
