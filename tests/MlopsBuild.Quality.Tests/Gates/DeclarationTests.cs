using MlopsBuild.Quality.Gates;
using static MlopsBuild.Quality.Gates.QualityGates;

namespace MlopsBuild.Quality.Tests.Gates;

/// <summary>Mistakes in the declaration are one clear exception naming the gate, thrown before any check runs.</summary>
public sealed class DeclarationTests : IDisposable
{
    readonly MlopsBuild.Testing.TemporaryDirectory root = new();
    readonly GateContext context;

    public DeclarationTests() => context = GateData.Context(GateData.Linear(GateData.Binary, x: 2.5), root: root.Path);

    public void Dispose() => root.Dispose();

    static string Error(GateContext context, params Gate[] gates) => Assert.Throws<GateDeclarationException>(() => Evaluate(context, gates)).Message;

    [Fact]
    public void An_unknown_metric_names_the_gate_the_metrics_and_the_closest()
    {
        Assert.Equal(
            "Gate 'auc_rocc ≥ 0.85': there is no metric called 'auc_rocc'. Use one of auc_roc, auc_pr, accuracy, precision, recall, f1, log_loss, macro_f1, rmse, mae, r2. Did you mean 'auc_roc'?",
            Error(context, Metric.Named("auc_rocc") >= 0.85));
    }

    [Fact]
    public void A_metric_the_task_does_not_have_lists_the_task_s_metrics()
    {
        Assert.Equal(
            "Gate 'rmse ≤ 0.3': the candidate is a binary classifier, which has no rmse. Its metrics are auc_roc, auc_pr, accuracy, precision, recall, f1, log_loss",
            Error(context, Metric.Rmse <= 0.3));
        Assert.StartsWith("Gate 'macro_f1 no worse than the champion's by more than 0.01': the candidate is a binary classifier, which has no macro_f1.",
            Error(context, Metric.MacroF1.NoWorseThanChampion(by: 0.01)));
    }

    [Fact]
    public void A_mistake_in_any_gate_stops_every_check_and_writes_nothing()
    {
        Error(context, Golden("golden.verified.json"), Slice("nowhere").Each(Metric.AucRoc >= 0.5));
        Assert.Empty(Directory.EnumerateFileSystemEntries(root.Path));
    }

    [Fact]
    public void Bad_settings_are_declaration_errors()
    {
        Assert.Contains("the bound is NaN", Error(context, Metric.AucRoc >= double.NaN));
        Assert.Contains("the tolerance is -0.1", Error(context, Metric.AucRoc.NoWorseThanChampion(by: -0.1)));
        Assert.Contains("the minimum slice size is 0", Error(context, Slice("region", minimumRows: 0).Each(Metric.AucRoc >= 0.5)));
        Assert.Contains("no bound", Error(context, Slice("region").Each()));
        Assert.Contains("the tolerance is -1", Error(context, Invariant("x", tolerance: -1)));
        Assert.Contains("the step is 0", Error(context, Increasing("x", step: 0)));
        Assert.Contains("the required share is 1.5", Error(context, Decreasing("x", share: 1.5)));
        Assert.Contains("the row count is 0", Error(context, Golden("golden.verified.json", rows: 0)));
        Assert.Contains("must contain '.verified.'", Error(context, Golden("tests/golden.json")));
        Assert.Contains("the column name is empty", Error(context, Invariant(" ")));
        Assert.Equal("No gate was declared: a candidate must be held to at least one", Error(context));
    }

    [Fact]
    public void The_data_gate_without_a_data_check_says_how_to_give_one()
    {
        Assert.Equal(
            "Gate 'data validation passed': the context has no data check result: set GateContext.DataValidation = DataValidationFile.Load(\"artifacts/data/validation.json\")",
            Error(context, DataValidation()));
    }

    [Fact]
    public void An_inconsistent_context_is_one_clear_error()
    {
        Assert.StartsWith("Gate context: there are no test rows.", Error(context with { TestRows = [] }, Metric.AucRoc >= 0.5));
        Assert.StartsWith("Gate context: test row 5000 is outside the data's 1200 rows.", Error(context with { TestRows = [1, 5000] }, Metric.AucRoc >= 0.5));
        Assert.StartsWith("Gate context: the threshold is 2;", Error(context with { Threshold = 2 }, Metric.AucRoc >= 0.5));
        Assert.Equal(
            "Gate context: the candidate predicts 'approved' as a binary classifier, the data labels 'amount' for a regression model. Pass the dataset the candidate was trained on",
            Error(context with { Dataset = GateData.Regression }, Metric.AucRoc >= 0.5));
    }
}
