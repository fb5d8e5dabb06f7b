using MlopsBuild.Engine.Definition;
using MlopsBuild.Engine.Tests.Support;

namespace MlopsBuild.Engine.Tests;

public sealed class PlanningTests : IDisposable
{
    readonly BuildSandbox sandbox = new();

    public void Dispose() => sandbox.Dispose();

    class Chain : PipelineBuild
    {
        Target Restore => _ => _.Executes(() => Console.WriteLine("ran Restore"));
        Target Compile => _ => _.DependsOn(Restore).Executes(() => Console.WriteLine("ran Compile"));
        Target Lint => _ => _.DependentFor(Test).Executes(() => Console.WriteLine("ran Lint"));
        Target Test => _ => _.DependsOn(Compile).Executes(() => Console.WriteLine("ran Test"));
        Target Clean => _ => _.Before(Restore).Executes(() => Console.WriteLine("ran Clean"));
        Target Publish => _ => _.After(Test).Executes(() => Console.WriteLine("ran Publish"));
        Target Notify => _ => _.TriggeredBy(Test).Executes(() => Console.WriteLine("ran Notify"));
        Target Archive => _ => _.Executes(() => Console.WriteLine("ran Archive"));
        Target Report => _ => _.Triggers(Archive).Executes(() => Console.WriteLine("ran Report"));
    }

    [Fact]
    public void Runs_a_target_after_everything_it_depends_on()
    {
        var result = sandbox.Run<Chain>("Test");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["Lint", "Restore", "Compile", "Test", "Notify"], result.Ran());
    }

    [Fact]
    public void After_and_Before_order_targets_only_when_both_are_in_the_plan()
    {
        Assert.Equal(["Clean", "Restore"], sandbox.Run<Chain>("Restore", "Clean").Ran());
        Assert.Equal(["Publish"], sandbox.Run<Chain>("Publish").Ran());
        Assert.Equal(["Lint", "Restore", "Compile", "Test", "Notify", "Publish"], sandbox.Run<Chain>("Publish", "Test").Ran());
    }

    [Fact]
    public void Triggers_add_the_triggered_target_after_the_trigger()
    {
        Assert.Equal(["Report", "Archive"], sandbox.Run<Chain>("Report").Ran());
    }

    [Fact]
    public void The_plan_is_the_same_order_whatever_order_targets_are_named_in()
    {
        var first = sandbox.Run<Chain>("Archive", "Clean", "Compile", "--plan").Output;
        var second = sandbox.Run<Chain>("Compile", "Archive", "Clean", "--plan").Output;

        Assert.Equal(first.Replace("Archive, Clean, Compile", "X"), second.Replace("Compile, Archive, Clean", "X"));
        Assert.Contains("1. Archive", first);
        Assert.Contains("2. Clean", first);
        Assert.Contains("3. Restore", first);
        Assert.Contains("4. Compile", first);
    }

    [Fact]
    public void Plan_shows_the_order_without_running_anything()
    {
        var result = sandbox.Run<Chain>("Test", "--plan");

        Assert.Equal(0, result.ExitCode);
        Assert.Empty(result.Ran());
        Assert.Contains("Plan for Test (5 targets", result.Output);
        Assert.Contains("Notify   after Test; triggered by Test", result.Output);
    }

    [Theory]
    [InlineData("--plan", "Test")]
    [InlineData("--plan", "true", "Test")]
    [InlineData("--parallel", "--plan", "Test")]
    [InlineData("Test", "--plan")]
    public void A_switch_takes_only_true_or_false_so_a_target_may_follow_it(params string[] arguments)
    {
        var result = sandbox.Run<Chain>(arguments);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Plan for Test (5 targets", result.Output);
    }

    [Fact]
    public void Skip_with_names_skips_those_and_runs_their_dependents()
    {
        var result = sandbox.Run<Chain>("Test", "--skip", "Restore", "Lint");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["Compile", "Test", "Notify"], result.Ran());
        Assert.Contains("Skipped", result.SummaryRow("Restore"));
        Assert.Contains("--skip", result.SummaryRow("Restore"));
    }

    [Fact]
    public void Skip_without_names_runs_only_the_invoked_targets()
    {
        Assert.Equal(["Test"], sandbox.Run<Chain>("Test", "--skip").Ran());
    }

    [Fact]
    public void An_unknown_target_is_an_error_naming_the_closest_one()
    {
        var result = sandbox.Run<Chain>("Compiel");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("error: Unknown target 'Compiel'. Did you mean 'Compile'?", result.Output);
        Assert.Empty(result.Ran());
    }

    [Fact]
    public void Target_names_are_matched_without_regard_to_case()
    {
        Assert.Equal(["Restore"], sandbox.Run<Chain>("restore").Ran());
    }

    class Cycle : PipelineBuild
    {
        Target A => _ => _.DependsOn(C).Executes(() => { });
        Target B => _ => _.DependsOn(A).Executes(() => { });
        Target C => _ => _.After(B).Executes(() => { });
        Target D => _ => _.Executes(() => { });
    }

    [Fact]
    public void A_cycle_is_an_error_naming_its_targets_even_when_another_target_is_invoked()
    {
        var result = sandbox.Run<Cycle>("D");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("error: The targets form a cycle: A → C → B → A.", result.Output);
    }

    class WithDefault : PipelineBuild
    {
        Target First => _ => _.Executes(() => Console.WriteLine("ran First"));
        Target Second => _ => _.Unlisted().Executes(() => Console.WriteLine("ran Second"));
    }

    [Fact]
    public void No_target_runs_the_default_and_unlisted_targets_are_hidden_from_help_but_runnable()
    {
        Assert.Equal(["First"], sandbox.RunWithDefault<WithDefault>("First").Ran());
        Assert.Equal(["Second"], sandbox.RunWithDefault<WithDefault>("First", "Second").Ran());

        var help = sandbox.RunWithDefault<WithDefault>("First", "--help").Output;
        Assert.Contains("First (default)", help);
        Assert.DoesNotContain("Second", help);
    }

    [Fact]
    public void Without_a_target_or_a_default_the_error_says_what_to_do()
    {
        var result = sandbox.Run<WithDefault>();

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("No target given and the build has no default target", result.Output);
    }
}
