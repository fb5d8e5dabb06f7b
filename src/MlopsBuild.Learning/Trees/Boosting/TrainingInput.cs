using System.Globalization;
using MlopsBuild.Learning.Features;
using MlopsBuild.Learning.Training;

namespace MlopsBuild.Learning.Trees.Boosting;

/// <summary>Checks that training (and validation) data can be learned from, before any time is spent on it.</summary>
internal static class TrainingInput
{
    public static void Check(TrainingData train, TrainingData? validation, GbdtOptions options)
    {
        if (train.RowCount < 2 * options.MinSamplesPerLeaf)
            throw new TrainingException($"The training data has {train.RowCount} rows; a tree needs at least 2 × MinSamplesPerLeaf = {2 * options.MinSamplesPerLeaf}. Add rows or lower MinSamplesPerLeaf.");
        if (train.Features.FeatureCount == 0)
            throw new TrainingException("The training data has no features. Add input columns to the model.");
        CheckLabels(train, "training");
        CheckCategories(train.Features, "training");
        if (options.EarlyStoppingRounds > 0 && validation is null)
            throw new TrainingException($"EarlyStoppingRounds is {options.EarlyStoppingRounds} but there is no validation data to stop on. Give validation data or set EarlyStoppingRounds to 0.");
        if (validation is null) return;
        if (validation.Task != train.Task || validation.ClassCount != train.ClassCount || validation.Features.FeatureCount != train.Features.FeatureCount)
            throw new TrainingException($"The validation data ({validation.Task}, {validation.ClassCount} classes, {validation.Features.FeatureCount} features) does not match the training data ({train.Task}, {train.ClassCount} classes, {train.Features.FeatureCount} features).");
        if (validation.RowCount == 0)
            throw new TrainingException("The validation data has no rows. Give validation rows or leave validation out.");
        CheckLabels(validation, "validation");
        CheckCategories(validation.Features, "validation");
    }

    static void CheckLabels(TrainingData data, string set)
    {
        var labels = data.Labels;
        for (var i = 0; i < labels.Length; i++)
        {
            var label = labels[i];
            if (!float.IsFinite(label))
                throw new TrainingException($"The {set} label of row {i} is {Text(label)}; labels must be finite. Remove or fix the row.");
            var valid = data.Task switch
            {
                LearningTask.BinaryClassification => label is 0 or 1,
                LearningTask.MulticlassClassification => label >= 0 && label < data.ClassCount && label == MathF.Floor(label),
                _ => true,
            };
            if (!valid)
                throw new TrainingException($"The {set} label of row {i} is {Text(label)}; {data.Task} labels must be class indices 0 … {data.ClassCount - 1}.");
        }
        if (set != "training" || data.Task == LearningTask.Regression) return;
        var first = labels.Length > 0 ? labels[0] : 0;
        if (Array.TrueForAll(labels, l => l == first))
            throw new TrainingException($"Every training label is class {Text(first)}; a classifier needs at least two classes. Check the label column or the rows selected.");
    }

    static void CheckCategories(FeatureMatrix matrix, string set)
    {
        for (var j = 0; j < matrix.FeatureCount; j++)
        {
            var info = matrix.Features[j];
            if (info.Kind != FeatureKind.Categorical) continue;
            var column = matrix.Columns[j];
            for (var i = 0; i < column.Length; i++)
            {
                var value = column[i];
                if (float.IsNaN(value) || (value >= 0 && value < info.CategoryCount && value == MathF.Floor(value))) continue;
                throw new TrainingException($"Feature {info.Name} ({set} row {i}) holds {Text(value)}, not a category code 0 … {info.CategoryCount - 1} or missing. Featurize the data with the model's Featurizer.");
            }
        }
    }

    static string Text(float value) => value.ToString(CultureInfo.InvariantCulture);
}
