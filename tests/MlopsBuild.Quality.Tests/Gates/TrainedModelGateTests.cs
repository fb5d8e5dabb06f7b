using MlopsBuild.Learning;
using MlopsBuild.Learning.Linear;
using MlopsBuild.Learning.Training;
using MlopsBuild.Learning.Trees;
using MlopsBuild.Quality.Gates;
using MlopsBuild.Testing;
using static MlopsBuild.Quality.Gates.QualityGates;

namespace MlopsBuild.Quality.Tests.Gates;

/// <summary>The gates on models fitted by the real trainers, declared as a build declares them.</summary>
public sealed class TrainedModelGateTests
{
    static TrainedModel Fit(ITrainer trainer)
    {
        var predictor = trainer.Fit(GateData.Binary.Data.Select(GateData.TrainRows), null);
        return new TrainedModel(GateData.Binary.Signature, predictor,
            new TrainingMetadata(trainer.Name, trainer.Parameters, trainer.Seed, "sha256:test", GateData.TrainRows.Length));
    }

    static readonly TrainedModel Trees = Fit(new GbdtTrainer(new GbdtOptions { Trees = 30, MaxLeaves = 8, Threads = 1 }));
    static readonly TrainedModel Logistic = Fit(new LinearTrainer(new LinearOptions()));

    [Fact]
    public void A_fitted_candidate_passes_a_build_s_gates_with_a_fitted_champion()
    {
        using var root = new TemporaryDirectory();
        var context = GateData.Context(Logistic, root: root.Path) with { Champion = Trees, Schema = GateData.Schema() };
        Gate[] gates =
        [
            Metric.AucRoc >= 0.85,
            Metric.LogLoss <= 0.5,
            Metric.AucRoc.NoWorseThanChampion(by: 0.01),
            Slice("region").Each(Metric.AucRoc >= 0.80),
            Invariant("application_date"),
            Invariant("customer_id"),
            Increasing("x"),
        ];
        var report = Evaluate(context, gates);
        Assert.True(report.Passed, string.Join("\n", report.Failures.Select(f => $"{f.Name}: {f.Reason}")));
        Assert.Equal(10, report.Checks.Count);
    }

    [Fact]
    public void Trees_fitted_to_noise_fail_an_invariance_the_truth_has()
    {
        // The label does not depend on noise, but trees split on it anyway: the gate catches what the metrics hide.
        var check = Assert.Single(Evaluate(GateData.Context(Trees), Invariant("noise")).Checks);
        Assert.False(check.Passed, check.Reason);
    }
}
