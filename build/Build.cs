using MlopsBuild.Engine;
using MlopsBuild.Engine.ContinuousIntegration;
using MlopsBuild.Engine.Definition;
using MlopsBuild.Engine.Parameters;
using MlopsBuild.Engine.Paths;
using MlopsBuild.Engine.Tooling;
using static MlopsBuild.Engine.ContinuousIntegration.GitHubActionsTrigger;

/// <summary>
/// The pipeline of this repository: the model's stages (Build.Data.cs: ValidateData; Train and the later
/// stages as their libraries land) and the targets that compile and test the project itself.
/// The workflows (./build.sh --generate-ci writes them to .github/workflows/): on every push and pull request, a job per
/// stage up to lab, each handing the next what it wrote — the data reports and the model (artifacts/), the image record,
/// and the registry with its versions and audit log (.mlops/) — so that the next job does not redo them; and Promote by hand
/// in the factory environment, whose required reviewers are the approvals. Where lab, factory, the images and the model
/// registry live comes from the repository's configuration variables (MLOPS_LAB_REPOSITORY, …); an unset one leaves the
/// parameter's default.
/// </summary>
[GitHubActions("ci", On = [Push, PullRequest], Targets = [nameof(Train), nameof(TestModel), nameof(Package), nameof(Deploy)],
    HandOff = ["artifacts/data", "artifacts/model", "artifacts/package/image.json", ".mlops"],
    Variables = [nameof(LabEngine), nameof(LabRepository), nameof(LabPort), nameof(LabReadyTimeout), nameof(DrainTimeout), nameof(ServiceName),
        nameof(BaseImage), nameof(ImageRepository), nameof(RegistryDirectory)])]
[GitHubActionsJob("ci", nameof(Package), Outputs = ["image"])]
[GitHubActionsJob("ci", nameof(Deploy), OnlyOnBranch = "main", Environment = "lab")]
[GitHubActions("promote", OnWorkflowDispatch = true, Targets = [nameof(Promote)], Inputs = [nameof(Version)],
    Variables = [nameof(LabEngine), nameof(LabRepository), nameof(LabPort), nameof(FactoryEngine), nameof(FactoryRepository), nameof(FactoryPort),
        nameof(FactoryReadyTimeout), nameof(DrainTimeout), nameof(ServiceName), nameof(RegistryDirectory)])]
[GitHubActionsJob("promote", nameof(Promote), Environment = "factory", Secrets = [nameof(AttestationKey)],
    GitHubToken = true, ReadPermissions = [GitHubActionsScope.Actions])]
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
