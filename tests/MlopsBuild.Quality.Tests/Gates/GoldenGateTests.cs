using MlopsBuild.Quality.Gates;
using MlopsBuild.Testing;
using static MlopsBuild.Quality.Gates.QualityGates;

namespace MlopsBuild.Quality.Tests.Gates;

public sealed class GoldenGateTests : IDisposable
{
    readonly TemporaryDirectory root = new();
    readonly GateContext context;

    public GoldenGateTests() => context = GateData.Context(GateData.Linear(GateData.Binary, x: 2.5, south: 0.5), root: root.Path);

    public void Dispose() => root.Dispose();

    string Verified => root.File("tests/golden.verified.json");
    string Received => root.File("tests/golden.received.json");

    CheckResult Run(GateContext? with = null, double tolerance = GoldenGate.DefaultTolerance) =>
        Assert.Single(Evaluate(with ?? context, Golden("tests/golden.verified.json", tolerance: tolerance)).Checks);

    [Fact]
    public void Without_an_approved_file_it_fails_and_writes_the_received_file_with_how_to_approve()
    {
        var check = Run();
        Assert.False(check.Passed);
        Assert.Equal(CheckKinds.Golden, check.Kind);
        Assert.Equal(
            "there is no approved file tests/golden.verified.json yet. The new predictions are in tests/golden.received.json: review them, and if they are right approve them by moving it over the approved file (mv tests/golden.received.json tests/golden.verified.json) and committing it",
            check.Reason);
        Assert.True(File.Exists(Received));
        Assert.False(File.Exists(Verified));
    }

    [Fact]
    public void Approving_the_received_file_makes_the_next_run_pass_and_leaves_no_received_file()
    {
        Run();
        File.Move(Received, Verified);
        var check = Run();
        Assert.True(check.Passed, check.Reason);
        Assert.Equal("the predictions on 25 test rows match tests/golden.verified.json within 1E-09", check.Reason);
        Assert.False(File.Exists(Received));
    }

    [Fact]
    public void Changed_predictions_fail_naming_the_first_difference_and_a_stale_received_file_goes_once_they_match_again()
    {
        Run();
        File.Move(Received, Verified);
        var approved = File.ReadAllText(Verified);

        var changed = context with { Candidate = GateData.Linear(GateData.Binary, x: 2.4, south: 0.5) };
        var check = Run(changed);
        Assert.False(check.Passed);
        Assert.StartsWith("the predictions differ from the approved file tests/golden.verified.json (first at $.rows[0].prediction.no:", check.Reason);
        Assert.Contains("mv tests/golden.received.json tests/golden.verified.json", check.Reason);
        Assert.Equal(approved, File.ReadAllText(Verified));
        Assert.NotEqual(approved, File.ReadAllText(Received));

        Assert.True(Run().Passed);
        Assert.False(File.Exists(Received));
    }

    [Fact]
    public void Differences_within_the_tolerance_pass_and_beyond_it_fail()
    {
        Run();
        File.Move(Received, Verified);
        var nudged = context with { Candidate = GateData.Linear(GateData.Binary, x: 2.5 + 1e-12, south: 0.5) };
        Assert.True(Run(nudged).Passed);
        Assert.False(Run(nudged, tolerance: 0).Passed);
    }

    [Fact]
    public void The_snapshot_is_the_same_bytes_every_time()
    {
        Run();
        var first = File.ReadAllBytes(Received);
        Run();
        Assert.Equal(first, File.ReadAllBytes(Received));
    }

    [Fact]
    public void An_approved_file_that_is_not_json_fails_with_the_reason()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Verified)!);
        File.WriteAllText(Verified, "{ not json");
        var check = Run();
        Assert.False(check.Passed);
        Assert.StartsWith("the approved file tests/golden.verified.json is not valid JSON", check.Reason);
    }

    [Fact]
    public void The_snapshot_format_is_approved()
    {
        // The format itself under the gate's own convention: inputs as the model reads them (categories by name,
        // booleans, dates, missing as null) and every class's probability.
        var here = RepositoryRoot.File("tests", "MlopsBuild.Quality.Tests", "Gates");
        var missingNoise = Enumerable.Range(0, GateData.Rows).First(row => float.IsNaN(GateData.Binary.Data.Features.Columns[1][row]));
        var rows = context with { RootDirectory = here, TestRows = [0, 3, missingNoise] };
        var check = Assert.Single(Evaluate(rows, Golden("GoldenFormat.verified.json", rows: 3)).Checks);
        Assert.True(check.Passed, check.Reason);
    }
}
