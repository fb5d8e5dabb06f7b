using MlopsBuild.Data.Schema;

namespace MlopsBuild.Learning.Persistence;

/// <summary>
/// The words the model file's header uses for enum values. Fixed tables, not enum names, so that renaming a C# member
/// cannot change the file format and no number or unknown name is ever accepted.
/// </summary>
internal static class ModelWords
{
    public static readonly IReadOnlyList<(LearningTask Value, string Word)> Tasks =
    [
        (LearningTask.BinaryClassification, "binary_classification"),
        (LearningTask.MulticlassClassification, "multiclass_classification"),
        (LearningTask.Regression, "regression"),
    ];

    public static readonly IReadOnlyList<(PredictorKind Value, string Word)> PredictorKinds =
    [
        (PredictorKind.TreeEnsemble, "tree_ensemble"),
        (PredictorKind.Linear, "linear"),
    ];

    /// <summary>Every column type; <see cref="IsInputType"/> says which may be model inputs.</summary>
    public static readonly IReadOnlyList<(ColumnType Value, string Word)> ColumnTypes =
    [
        (ColumnType.Numeric, "numeric"),
        (ColumnType.Integer, "integer"),
        (ColumnType.Categorical, "categorical"),
        (ColumnType.Boolean, "boolean"),
        (ColumnType.Text, "text"),
        (ColumnType.DateTime, "datetime"),
    ];

    public static bool IsInputType(ColumnType type) => type != ColumnType.Text && ColumnTypes.Any(entry => entry.Value == type);

    public static string WordOf<T>(IReadOnlyList<(T Value, string Word)> table, T value, string location) where T : struct, Enum
    {
        foreach (var (candidate, word) in table)
            if (EqualityComparer<T>.Default.Equals(candidate, value)) return word;
        throw new InvalidModelException(location, $"{value} is not a known {typeof(T).Name}");
    }

    public static T ValueOf<T>(IReadOnlyList<(T Value, string Word)> table, string word, string location) where T : struct, Enum
    {
        foreach (var (value, candidate) in table)
            if (candidate == word) return value;
        throw new InvalidModelException(location, $"'{word}' is not one of {string.Join(", ", table.Select(entry => entry.Word))}");
    }
}
