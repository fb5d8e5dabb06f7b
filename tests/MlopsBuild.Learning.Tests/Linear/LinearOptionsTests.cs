using MlopsBuild.Learning.Linear;
using MlopsBuild.Learning.Training;

namespace MlopsBuild.Learning.Tests.Linear;

public sealed class LinearOptionsTests
{
    public static TheoryData<LinearOptions, string> OutOfRange => new()
    {
        { new LinearOptions { L2 = -1 }, "Linear option L2 is -1; it must be a finite number ≥ 0." },
        { new LinearOptions { L2 = double.NaN }, "Linear option L2 is NaN;" },
        { new LinearOptions { MaxIterations = 0 }, "Linear option MaxIterations is 0; it must be an integer from 1 to 100000." },
        { new LinearOptions { Tolerance = 0 }, "Linear option Tolerance is 0; it must be a finite number > 0." },
        { new LinearOptions { Memory = 101 }, "Linear option Memory is 101; it must be an integer from 1 to 100." },
        { new LinearOptions { Threads = -2 }, "Linear option Threads is -2;" },
    };

    [Theory]
    [MemberData(nameof(OutOfRange))]
    public void An_option_out_of_range_is_refused_by_name_value_and_range(LinearOptions options, string expected)
    {
        Assert.StartsWith(expected, Assert.Throws<TrainingException>(() => new LinearTrainer(options)).Message);
    }

    [Fact]
    public void Parameters_list_every_option_but_the_thread_count_as_invariant_text()
    {
        var trainer = new LinearTrainer(new LinearOptions { L2 = 0.25, MaxIterations = 50, Tolerance = 1e-7, Memory = 5, Seed = 7, Threads = 3 });

        Assert.Equal("linear", trainer.Name);
        Assert.Equal(7UL, trainer.Seed);
        Assert.Equal(
            new Dictionary<string, string> { ["L2"] = "0.25", ["MaxIterations"] = "50", ["Tolerance"] = "1E-07", ["Memory"] = "5", ["Seed"] = "7" },
            trainer.Parameters);
    }
}
