using MlopsBuild.Engine.Definition;
using MlopsBuild.Engine.Parameters;
using MlopsBuild.Engine.Paths;
using MlopsBuild.Engine.Tests.Support;

namespace MlopsBuild.Engine.Tests;

public sealed class SchemaTests : IDisposable
{
    readonly BuildSandbox sandbox = new();

    public void Dispose() => sandbox.Dispose();

    public enum Trainer { Gbdt, Linear }

    class Sample : PipelineBuild
    {
        [Parameter("Training data")] readonly AbsolutePath Data = RootDirectory / "data.csv";
        [Parameter("Trainer")] readonly Trainer Trainer = Trainer.Gbdt;
        [Parameter("Number of trees")] readonly int Trees = 200;
        [Parameter("Minimum AUC")] readonly double MinimumAuc = 0.85;
        [Parameter("Slices to check")] readonly string[] Slices = [];
        [Parameter, Secret("Registry password")] readonly string? RegistryPassword = null;

        Target ValidateData => _ => _.Executes(() => Console.WriteLine($"{Data} {Trainer} {Trees} {MinimumAuc} {Slices.Length} {RegistryPassword}"));
        Target Train => _ => _.DependsOn(ValidateData).Executes(() => { });
    }

    [Fact]
    public void Every_run_writes_a_schema_of_the_targets_and_parameters_for_editors()
    {
        sandbox.Run<Sample>("--plan");

        Snapshot.Verify(File.ReadAllText(sandbox.PathOf(".nuke/build.schema.json")), "json");
    }

    [Fact]
    public void An_unchanged_schema_is_not_rewritten()
    {
        sandbox.Run<Sample>("--plan");
        var schema = sandbox.PathOf(".nuke/build.schema.json");
        var written = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(schema, written);

        sandbox.Run<Sample>("--plan");

        Assert.Equal(written, File.GetLastWriteTimeUtc(schema));
    }
}
