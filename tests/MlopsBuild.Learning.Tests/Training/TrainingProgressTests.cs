using MlopsBuild.Data.Schema;
using MlopsBuild.Learning.Features;
using MlopsBuild.Learning.Linear;
using MlopsBuild.Learning.Persistence;
using MlopsBuild.Learning.Tests.Trees;
using MlopsBuild.Learning.Training;
using MlopsBuild.Learning.Trees;

namespace MlopsBuild.Learning.Tests.Training;

public sealed class TrainingProgressTests
{
    static readonly TabularDataset Dataset = KnownProbabilityDataset(3_000);

    [Fact]
    public void Gbdt_reports_each_round_with_its_validation_loss_and_the_model_file_is_the_same_bytes()
    {
        var steps = new List<TrainingProgress>();
        var options = new GbdtOptions { Trees = 12, MaxLeaves = 8 };

        var without = ModelBytes(new GbdtTrainer(options));
        var with = ModelBytes(new GbdtTrainer(options with { Progress = steps.Add }));

        Assert.Equal(without, with);
        Assert.Equal(Enumerable.Range(1, 12), steps.Select(step => step.Completed));
        Assert.All(steps, step =>
        {
            Assert.Equal(("round", 12, "validation loss"), (step.Step, step.Total, step.Measure));
            Assert.InRange(step.Value, 0.01, 1.0);
        });
    }

    [Fact]
    public void Gbdt_without_validation_rows_reports_each_round_without_a_loss()
    {
        var steps = new List<TrainingProgress>();

        new GbdtTrainer(new GbdtOptions { Trees = 5, MaxLeaves = 4, Progress = steps.Add }).Fit(Dataset.Data, validation: null);

        Assert.Equal(["round 1/5", "round 2/5", "round 3/5", "round 4/5", "round 5/5"], steps.Select(step => step.ToString()));
    }

    [Fact]
    public void Linear_reports_each_L_BFGS_iteration_with_its_objective_and_the_model_file_is_the_same_bytes()
    {
        var steps = new List<TrainingProgress>();
        var options = new LinearOptions { MaxIterations = 40 };

        var without = ModelBytes(new LinearTrainer(options));
        var with = ModelBytes(new LinearTrainer(options with { Progress = steps.Add }));

        Assert.Equal(without, with);
        Assert.NotEmpty(steps);
        Assert.Equal(Enumerable.Range(1, steps.Count), steps.Select(step => step.Completed));
        Assert.All(steps, step => Assert.Equal(("iteration", 40, "objective"), (step.Step, step.Total, step.Measure)));
        Assert.True(steps[^1].Value < steps[0].Value);
    }

    [Fact]
    public void A_step_reads_as_the_progress_line_shows_it() =>
        Assert.Equal("round 37/100, validation loss 0.3412", new TrainingProgress("round", 37, 100, "validation loss", 0.341234).ToString());

    static byte[] ModelBytes(ITrainer trainer) =>
        ModelFile.ToBytes(TrainingRun.Run(Dataset, trainer, new SplitOptions { ValidationFraction = 0.2 }, "sha256:data").Model);

    static TabularDataset KnownProbabilityDataset(int rows)
    {
        var (data, _) = Problems.KnownProbability(rows, seed: 5);
        var inputs = data.Features.Features.Select(feature => new InputColumn(feature.Name, ColumnType.Numeric, [])).ToArray();
        var signature = new ModelSignature(inputs, "y", ColumnType.Boolean, ["false", "true"]);
        return new TabularDataset(signature, data, null, null, []);
    }
}
