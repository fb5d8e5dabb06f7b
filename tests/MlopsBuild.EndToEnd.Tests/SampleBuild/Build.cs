using MlopsBuild.Engine;
using MlopsBuild.Engine.Definition;
using MlopsBuild.Engine.Parameters;
using MlopsBuild.Engine.Paths;

/// <summary>A small build the end-to-end tests run through build.sh in a temporary repository.</summary>
class Build : PipelineBuild
{
    public static int Main() => Execute<Build>(x => x.Report);

    [Parameter("Words to count")] readonly string[] Words = ["model", "data"];
    [Parameter, Secret("API token")] readonly string? Token;

    static AbsolutePath Input => RootDirectory / "data" / "input.txt";
    static AbsolutePath ReportFile => RootDirectory / "out" / "report.txt";

    Target Prepare => _ => _
        .Description("Checks the input exists")
        .Executes(() => Console.WriteLine(Input.FileExists ? "input present" : throw new BuildFailedException($"{Input} is missing")));

    Target Report => _ => _
        .Description("Counts words of the input")
        .DependsOn(Prepare)
        .Inputs(Input, Value(Words))
        .Outputs(ReportFile)
        .Executes(() =>
        {
            var text = File.ReadAllText(Input);
            var counts = Words.Select(w => $"{w}={text.Split(w).Length - 1}");
            Directory.CreateDirectory(ReportFile.Parent!);
            File.WriteAllText(ReportFile, string.Join("\n", counts) + "\n");
            Note("words", Words.Length);
        });

    Target Leak => _ => _.Executes(() => Console.WriteLine($"token is {Token}"));

    Target Explode => _ => _.DependsOn(Prepare).Executes(() => throw new BuildFailedException("the sample failed on purpose"));
}
