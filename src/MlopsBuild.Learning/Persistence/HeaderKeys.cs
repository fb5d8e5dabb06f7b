namespace MlopsBuild.Learning.Persistence;

/// <summary>The keys of the model file's JSON header.</summary>
internal static class HeaderKeys
{
    public const string Task = "task";
    public const string Predictor = "predictor";
    public const string Kind = "kind";
    public const string ScoreCount = "score_count";
    public const string Trees = "trees";
    public const string Terms = "terms";

    public const string Signature = "signature";
    public const string Inputs = "inputs";
    public const string Name = "name";
    public const string Type = "type";
    public const string Categories = "categories";
    public const string Label = "label";
    public const string LabelType = "label_type";
    public const string ClassNames = "class_names";

    public const string Training = "training";
    public const string Trainer = "trainer";
    public const string Parameters = "parameters";
    public const string Seed = "seed";
    public const string DataFingerprint = "data_fingerprint";
    public const string TrainingRows = "training_rows";
}
