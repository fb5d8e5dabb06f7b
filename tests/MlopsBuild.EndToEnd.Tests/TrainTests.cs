using System.Globalization;
using System.Text.Json;

namespace MlopsBuild.EndToEnd.Tests;

/// <summary>./build.sh Train on the sample data, in a copy of what a fresh clone holds.</summary>
public sealed class TrainTests(RepositoryCloneFixture fixture) : IClassFixture<RepositoryCloneFixture>
{
    [Fact]
    public void Train_validates_the_data_fits_a_model_reports_its_metrics_and_is_then_up_to_date()
    {
        var first = fixture.Clone.BuildSh("Train");
        var second = fixture.Clone.BuildSh("Train");

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Matches(@"ValidateData\s+(Succeeded|Up to date)", first.Output);
        Assert.Matches(@"Train\s+Succeeded", first.Output);
        using var metrics = JsonDocument.Parse(File.ReadAllBytes(fixture.Clone.PathOf("artifacts/model/metrics.json")));
        var test = metrics.RootElement.GetProperty("test");
        // The sample data's Bayes-optimal AUC is 0.879 (data/README.md): a working learner gets close (a 4,000-row test
        // split measures it within about ±0.01).
        Assert.InRange(test.GetProperty("auc_roc").GetDouble(), 0.85, 0.90);
        Assert.Equal("binary_classification", metrics.RootElement.GetProperty("task").GetString());
        Assert.True(File.Exists(fixture.Clone.PathOf("artifacts/model/model.mlmodel")));
        Assert.Contains("| auc_roc |", File.ReadAllText(fixture.Clone.PathOf("artifacts/model/training.md")));
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Matches(@"Train\s+Up to date", second.Output);
    }

    [Fact]
    public void The_same_inputs_give_the_same_model_bytes_and_reports()
    {
        var first = fixture.Clone.BuildSh("Train", "--trainer", "linear", "--force", "Train");
        Assert.True(first.ExitCode == 0, first.ToString());
        var model = File.ReadAllBytes(fixture.Clone.PathOf("artifacts/model/model.mlmodel"));
        var report = File.ReadAllBytes(fixture.Clone.PathOf("artifacts/model/metrics.json"));

        var again = fixture.Clone.BuildSh("Train", "--trainer", "linear", "--force", "Train");

        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Equal(model, File.ReadAllBytes(fixture.Clone.PathOf("artifacts/model/model.mlmodel")));
        Assert.Equal(report, File.ReadAllBytes(fixture.Clone.PathOf("artifacts/model/metrics.json")));
        using var metrics = JsonDocument.Parse(report);
        Assert.Equal("linear", metrics.RootElement.GetProperty("trainer").GetString());
        Assert.InRange(metrics.RootElement.GetProperty("test").GetProperty("auc_roc").GetDouble(), 0.85, 0.90);
    }

    [Fact]
    public void A_parameter_out_of_range_fails_before_training_with_one_clear_message()
    {
        var result = fixture.Clone.BuildSh("Train", "--skip", "ValidateData", "--learning-rate", (-0.1).ToString(CultureInfo.InvariantCulture));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("error: target Train failed: GBDT option LearningRate is -0.1; it must be greater than 0 and at most 1.", result.Output);
        Assert.DoesNotContain("Split:", result.Output);
        Assert.DoesNotContain("   at ", result.Output);
    }
}
