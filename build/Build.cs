using MlopsBuild.Engine;
using MlopsBuild.Engine.Definition;
using MlopsBuild.Engine.Parameters;
using MlopsBuild.Engine.Paths;
using MlopsBuild.Engine.Tooling;

/// <summary>
/// The pipeline of this repository: the model's stages (Build.Data.cs: ValidateData; Train and the later
/// stages as their libraries land) and the targets that compile and test the project itself.
/// </summary>
partial class Build : PipelineBuild
{
    public static int Main() => Execute<Build>(x => x.Train);

    [Parameter("Configuration to compile")]
    readonly Configuration Configuration = IsLocalBuild ? Configuration.Debug : Configuration.Release;

    static AbsolutePath Solution => RootDirectory / "MlopsBuild.sln";
    static AbsolutePath TestResults => ArtifactsDirectory / "test-results";

    Target Clean => _ => _
        .Description("Deletes artifacts/ and the bin/ and obj/ folders of src/ and tests/")
        .Before(Restore)
        .Executes(() =>
        {
            foreach (var folder in new[] { RootDirectory / "src", RootDirectory / "tests" }.SelectMany(BuildFolders).Append(ArtifactsDirectory))
                if (folder.DirectoryExists) Directory.Delete(folder, recursive: true);
        });

    Target Restore => _ => _
        .Description("Restores NuGet packages (locked mode on CI)")
        .Executes(() => DotNet("restore", Solution));

    Target Compile => _ => _
        .Description("Compiles the solution")
        .DependsOn(Restore)
        .Executes(() => DotNet("build", Solution, "--no-restore", "--configuration", Configuration.ToString()));

    Target Test => _ => _
        .Description("Runs the unit and end-to-end tests")
        .DependsOn(Compile)
        .Executes(() => DotNet("test", Solution, "--no-build", "--configuration", Configuration.ToString(),
            "--results-directory", TestResults, "--logger", "trx"));

    static IEnumerable<AbsolutePath> BuildFolders(AbsolutePath parent) =>
        parent.DirectoryExists
            ? Directory.GetDirectories(parent, "*", SearchOption.AllDirectories)
                .Where(d => Path.GetFileName(d) is "bin" or "obj")
                .Select(d => AbsolutePath.Create(d))
            : [];

    // build.sh names the dotnet it chose in DOTNET_EXE (it may be a local install under .dotnet/).
    static void DotNet(params string[] arguments) =>
        ProcessRunner.Run(Environment.GetEnvironmentVariable("DOTNET_EXE") ?? "dotnet", arguments, RootDirectory);
}
