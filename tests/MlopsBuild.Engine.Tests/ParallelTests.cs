using MlopsBuild.Engine.Definition;
using MlopsBuild.Engine.Tests.Support;

namespace MlopsBuild.Engine.Tests;

public sealed class ParallelTests : IDisposable
{
    readonly BuildSandbox sandbox = new();

    public void Dispose() => sandbox.Dispose();

    /// <summary>
    /// Left and Right each wait for the other to start: they can only both succeed when they run at the same
    /// time. The wait is bounded, so a sequential run fails instead of hanging.
    /// </summary>
    class Rendezvous : PipelineBuild
    {
        readonly Barrier barrier = new(2);

        Target Setup => _ => _.Executes(() => Console.WriteLine("ran Setup"));
        Target Left => _ => _.DependsOn(Setup).Executes(() => Meet("Left"));
        Target Right => _ => _.DependsOn(Setup).Executes(() => Meet("Right"));
        Target Join => _ => _.DependsOn(Left, Right).Executes(() => Console.WriteLine("ran Join"));

        void Meet(string name)
        {
            Console.WriteLine($"{name} waiting");
            if (!barrier.SignalAndWait(TimeSpan.FromSeconds(3)))
                throw new BuildFailedException($"{name} ran alone");
            Console.WriteLine($"ran {name}");
        }
    }

    [Fact]
    public void Independent_targets_run_at_the_same_time_with_prefixed_lines()
    {
        var result = sandbox.Run<Rendezvous>("Join", "--parallel");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("Setup", result.Ran()[0]);
        Assert.Equal("Join", result.Ran()[^1]);
        Assert.Contains("[Left] Left waiting", result.Output);
        Assert.Contains("[Right] ran Right", result.Output);
    }

    [Fact]
    public void Without_parallel_they_run_one_at_a_time_in_plan_order()
    {
        var result = sandbox.Run<Rendezvous>("Join");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("error: target Left failed: Left ran alone", result.Output);
        Assert.Contains("Not run", result.SummaryRow("Right"));
        Assert.DoesNotContain("[Left]", result.Output);
    }

    [Fact]
    public void The_parallel_switch_can_come_from_the_environment_and_max_parallel_one_serialises()
    {
        sandbox.Environment["MLOPS_PARALLEL"] = "true";
        Assert.Equal(0, sandbox.Run<Rendezvous>("Join").ExitCode);

        var serial = sandbox.Run<Rendezvous>("Join", "--max-parallel", "1");
        Assert.Equal(1, serial.ExitCode);
        Assert.Contains("ran alone", serial.Output);
    }
}
