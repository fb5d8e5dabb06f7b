using MlopsBuild.Data.Schema;
using MlopsBuild.Learning.Features;

namespace MlopsBuild.Learning.Persistence;

/// <summary>
/// What the header's values must mean together, checked on save and on load: inputs a featurizer can take, classes
/// and score counts that fit the task, trees that divide into the scores.
/// </summary>
internal static class HeaderChecks
{
    public static void Check(ModelFileInfo info)
    {
        CheckInputs(info.Signature.Inputs);
        CheckScores(info);
        if (info.Signature.Label.Length == 0) throw new InvalidModelException("header signature.label", "the label's name is empty");
        if (!ModelWords.ColumnTypes.Any(entry => entry.Value == info.Signature.LabelType))
            throw new InvalidModelException("header signature.label_type", $"{info.Signature.LabelType} is not a column type");
        if (info.Metadata.TrainingRows < 0)
            throw new InvalidModelException("header training.training_rows", $"{info.Metadata.TrainingRows} rows is negative");
    }

    static void CheckInputs(IReadOnlyList<InputColumn> inputs)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < inputs.Count; i++)
        {
            var input = inputs[i];
            var location = $"header signature.inputs[{i}]";
            if (input.Name.Length == 0) throw new InvalidModelException(location, "the input's name is empty");
            if (!names.Add(input.Name)) throw new InvalidModelException(location, $"input '{input.Name}' is given twice");
            if (!ModelWords.IsInputType(input.Type))
                throw new InvalidModelException(location, $"input '{input.Name}' has type {input.Type}, which cannot be a model input");
            if (input.Type != ColumnType.Categorical && input.Categories.Count != 0)
                throw new InvalidModelException(location, $"input '{input.Name}' is {input.Type} but lists categories");
            CheckUnique(input.Categories, $"{location}.categories", $"input '{input.Name}' category");
        }
    }

    static void CheckScores(ModelFileInfo info)
    {
        var classes = info.Signature.ClassNames.Count;
        var (expectedScores, classesFit, expectedClasses) = info.Task switch
        {
            LearningTask.BinaryClassification => (1, classes == 2, "2 class names"),
            LearningTask.MulticlassClassification => (classes, classes >= 3, "at least 3 class names"),
            _ => (1, classes == 0, "no class names"),
        };
        if (!classesFit)
            throw new InvalidModelException("header signature.class_names", $"{classes} class names, but {info.Task} has {expectedClasses}");
        CheckUnique(info.Signature.ClassNames, "header signature.class_names", "class name");
        if (info.ScoreCount != expectedScores)
            throw new InvalidModelException("header predictor.score_count", $"{info.ScoreCount} scores, but a {info.Task} model with {classes} class names has {expectedScores}");
        if (info.TreeCount % info.ScoreCount != 0)
            throw new InvalidModelException("header predictor.trees", $"{info.TreeCount} trees do not divide into {info.ScoreCount} scores");
    }

    static void CheckUnique(IReadOnlyList<string> values, string location, string what)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var value in values)
            if (!seen.Add(value)) throw new InvalidModelException(location, $"{what} '{value}' is given twice");
    }
}
