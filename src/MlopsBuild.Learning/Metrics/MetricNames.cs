namespace MlopsBuild.Learning.Metrics;

/// <summary>The names of metrics in reports, files and gates.</summary>
public static class MetricNames
{
    public const string AucRoc = "auc_roc";
    public const string AucPr = "auc_pr";
    public const string Accuracy = "accuracy";
    public const string Precision = "precision";
    public const string Recall = "recall";
    public const string F1 = "f1";
    public const string LogLoss = "log_loss";
    public const string MacroF1 = "macro_f1";
    public const string Rmse = "rmse";
    public const string Mae = "mae";
    public const string R2 = "r2";
}
