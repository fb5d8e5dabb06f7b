using MlopsBuild.Quality.Gates;
using static MlopsBuild.Quality.Gates.QualityGates;

namespace MlopsBuild.Quality.Tests.Gates;

public sealed class InvarianceGateTests
{
    static readonly GateContext Context = GateData.Context(GateData.Linear(GateData.Binary, x: 2.5, south: 0.5));

    [Fact]
    public void A_column_the_model_does_not_read_passes()
    {
        var check = Assert.Single(Evaluate(Context, Invariant("application_date")).Checks);
        Assert.True(check.Passed);
        Assert.Equal(CheckKinds.Invariance, check.Kind);
        Assert.Equal("not an input of the model, so it cannot change a prediction", check.Reason);
    }

    [Fact]
    public void An_input_the_model_ignores_passes_after_its_values_really_changed()
    {
        var check = Assert.Single(Evaluate(Context, Invariant("noise")).Checks);
        Assert.True(check.Passed, check.Reason);
        Assert.Equal(0, check.Actual);
        Assert.Contains($"when {GateData.TestRows.Length} of {GateData.TestRows.Length} test rows took another row's value", check.Reason);
    }

    [Fact]
    public void An_input_that_matters_fails_with_the_rows_that_moved()
    {
        var check = Assert.Single(Evaluate(Context, Invariant("x")).Checks);
        Assert.False(check.Passed);
        Assert.Matches(@"^\d+ of 400 test rows changed prediction by more than 1E-09 when x took another row's value; the largest change, 0\.\d+, is on data row \d+$", check.Reason);
        Assert.True(check.Actual > 0.5);
    }

    [Fact]
    public void The_tolerance_lets_small_changes_through()
    {
        // region moves the score only for rows entering or leaving "south": at most 0.5 log-odds, under 0.125 in probability.
        Assert.False(Assert.Single(Evaluate(Context, Invariant("region")).Checks).Passed);
        Assert.True(Assert.Single(Evaluate(Context, Invariant("region", tolerance: 0.125)).Checks).Passed);
    }

    [Fact]
    public void With_the_schema_a_column_the_data_does_not_have_is_a_declaration_error()
    {
        var context = Context with { Schema = GateData.Schema() };
        Assert.True(Assert.Single(Evaluate(context, Invariant("application_date")).Checks).Passed);
        var error = Assert.Throws<GateDeclarationException>(() => Evaluate(context, Invariant("aplication_date")));
        Assert.StartsWith("Gate 'predictions invariant to aplication_date': the data has no column 'aplication_date'. Its columns are customer_id, application_date, x,", error.Message);
        Assert.EndsWith("Did you mean 'application_date'?", error.Message);
    }
}
