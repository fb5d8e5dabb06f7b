using MlopsBuild.Quality.Gates;
using static MlopsBuild.Quality.Gates.QualityGates;

namespace MlopsBuild.Quality.Tests.Gates;

public sealed class DirectionGateTests
{
    static readonly GateContext Context = GateData.Context(GateData.Linear(GateData.Binary, x: 2.5, noise: -0.3));

    [Fact]
    public void A_score_rising_with_the_column_passes_increasing_and_fails_decreasing()
    {
        var report = Evaluate(Context, Increasing("x"), Decreasing("x"));
        Assert.True(report.Checks[0].Passed, report.Checks[0].Reason);
        Assert.Equal(1.0, report.Checks[0].Actual);
        Assert.Matches(@"^raising x by \d\.\d+, one standard deviation, the positive-class probability did not fall on 100% of 400 test rows \(400\); at least 95% required$", report.Checks[0].Reason);
        Assert.False(report.Checks[1].Passed);
        Assert.Equal(0.0, report.Checks[1].Actual);
        Assert.Equal(CheckKinds.Direction, report.Checks[1].Kind);
    }

    [Fact]
    public void Rows_without_a_value_are_left_out_of_the_share()
    {
        var check = Assert.Single(Evaluate(Context, Decreasing("noise", step: 0.5)).Checks);
        var present = GateData.TestRows.Count(row => !float.IsNaN(GateData.Binary.Data.Features.Columns[1][row]));
        Assert.True(present < GateData.TestRows.Length, "the fixture should have missing noise values in the test rows");
        Assert.True(check.Passed, check.Reason);
        Assert.Contains($"by 0.5, the positive-class probability did not rise on 100% of {present} test rows", check.Reason);
    }

    [Fact]
    public void A_share_below_the_requirement_fails_and_reports_the_share()
    {
        // Rows where the model saturates keep their probability (1.0 stays 1.0): the score does not rise for them.
        var saturating = GateData.Context(GateData.Linear(GateData.Binary, x: 40));
        var strict = Assert.Single(Evaluate(saturating, Increasing("x", share: 1)).Checks);
        Assert.True(strict.Passed, strict.Reason); // not falling includes staying
        var flat = Assert.Single(Evaluate(saturating, Decreasing("x", share: 0.5)).Checks);
        Assert.False(flat.Passed, flat.Reason);
        Assert.InRange(flat.Actual!.Value, 0.01, 0.5);
    }

    [Fact]
    public void A_regression_model_is_judged_on_its_prediction()
    {
        var context = GateData.Context(GateData.Linear(GateData.Regression, x: 2.5), GateData.Regression);
        var check = Assert.Single(Evaluate(context, Increasing("x")).Checks);
        Assert.True(check.Passed, check.Reason);
        Assert.Contains("the prediction did not fall", check.Reason);
    }

    [Fact]
    public void A_column_the_model_does_not_read_fails()
    {
        var check = Assert.Single(Evaluate(Context, Increasing("income")).Checks);
        Assert.False(check.Passed);
        Assert.Equal("income is not an input of the model, so its score cannot follow it", check.Reason);
    }

    [Fact]
    public void A_column_that_is_not_numeric_is_a_declaration_error_naming_the_numeric_inputs()
    {
        var error = Assert.Throws<GateDeclarationException>(() => Evaluate(Context, Increasing("region")));
        Assert.Equal("Gate 'score increasing with region': 'region' is categorical; only a numeric input can be raised. Numeric inputs: x, noise, opened", error.Message);
    }
}
