namespace MlopsBuild.EndToEnd.Tests;

/// <summary>
/// What CI runs is what a laptop runs: the jobs of the committed ci.yml, run the way a runner runs them — each job in
/// its own fresh clone, given only what the job before uploaded, with GitHub Actions' environment — produce the same
/// model bytes and the same reports as a plain local ./build.sh TestModel.
/// </summary>
public sealed partial class WorkflowParityTests : IDisposable
{
    /// <summary>The jobs up to the tested model; the later ones need an engine and a registry, and change no model byte.</summary>
    static readonly string[] ModelJobs = ["train", "test-model"];

    /// <summary>The model and the reports about it and its data: everything a person or the next stage reads.</summary>
    static readonly string[] Compared =
    [
        "artifacts/model/model.mlmodel", "artifacts/model/metrics.json", "artifacts/model/training.md", "artifacts/model/gates.json",
        "artifacts/model/model-card.md", "artifacts/model/model-card.html",
        "artifacts/data/validation.json", "artifacts/data/validation.md", "artifacts/data/validation.html", "artifacts/data/statistics.json",
    ];

    readonly List<TemporaryRepository> clones = [];

    [Fact]
    public void The_ci_workflows_jobs_run_in_separate_clones_give_the_model_and_reports_of_a_plain_local_run()
    {
        var jobs = WorkflowJob.Read(Path.Combine(TemporaryRepository.SourceRoot, ".github", "workflows", "ci.yml"));
        Assert.Equal(ModelJobs, jobs.Select(j => j.Id).Take(ModelJobs.Length));

        TemporaryRepository? previous = null;
        WorkflowJob? previousJob = null;
        var outputs = new List<string>();
        foreach (var job in jobs.Take(ModelJobs.Length))
        {
            var clone = Clone();
            if (previous is not null) HandOver(previous, previousJob!.Uploads, clone);
            foreach (var step in job.Runs)
            {
                var result = TemporaryRepository.Run("bash", ["-c", step.Run], clone.Root, RunnerEnvironment(clone, step));
                Assert.True(result.ExitCode == 0, $"job {job.Id}, step '{step.Run}': {result}");
                outputs.Add(result.Output);
            }
            (previous, previousJob) = (clone, job);
        }
        var local = Clone();
        var plain = local.BuildSh("TestModel");
        Assert.True(plain.ExitCode == 0, plain.ToString());

        // The second job got the first job's work through the hand-off: its dependencies were up to date, not redone.
        Assert.Matches(@"Train\s+Up to date", outputs[1]);
        Assert.Contains("::group::", outputs[0]);
        Assert.True(new FileInfo(previous!.PathOf("step-summary.md")).Length > 0, "the CI run wrote no step summary");
        foreach (var file in Compared)
            Assert.True(Comparable(previous.PathOf(file)).SequenceEqual(Comparable(local.PathOf(file))), $"{file} differs between CI and local");
    }

    /// <summary>
    /// The file's bytes, with its one run-specific fact blanked: the model card's "registered {time} by {actor}" (when and
    /// by whom the registry took the version, which differs between any two runs). Everything else must match exactly.
    /// </summary>
    static byte[] Comparable(string path) =>
        path.Contains("model-card", StringComparison.Ordinal)
            ? System.Text.Encoding.UTF8.GetBytes(Registered().Replace(File.ReadAllText(path), "registered-at-by"))
            : File.ReadAllBytes(path);

    [System.Text.RegularExpressions.GeneratedRegex(@"\d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ by [^ |<]+")]
    private static partial System.Text.RegularExpressions.Regex Registered();

    /// <summary>What a GitHub-hosted runner sets (the variables a build could read), pointing at files in the clone.</summary>
    static Dictionary<string, string> RunnerEnvironment(TemporaryRepository clone, WorkflowStep step)
    {
        var environment = new Dictionary<string, string>
        {
            ["CI"] = "true",
            ["GITHUB_ACTIONS"] = "true",
            ["GITHUB_WORKFLOW"] = "ci",
            ["GITHUB_REF"] = "refs/heads/main",
            ["GITHUB_REF_NAME"] = "main",
            ["GITHUB_EVENT_NAME"] = "push",
            ["GITHUB_ACTOR"] = "octocat",
            ["GITHUB_RUN_ID"] = "1",
            ["GITHUB_WORKSPACE"] = clone.Root,
            ["GITHUB_STEP_SUMMARY"] = clone.PathOf("step-summary.md"),
            ["GITHUB_OUTPUT"] = clone.PathOf("step-output.txt"),
            ["GITHUB_ENV"] = clone.PathOf("step-env.txt"),
            ["RUNNER_TEMP"] = clone.PathOf(".runner-temp"),
        };
        // The repository sets no configuration variables: GitHub expands each ${{ vars.NAME }} to empty text.
        foreach (var (name, value) in step.Environment) environment[name] = UnsetVariable().IsMatch(value) ? "" : value;
        return environment;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^\$\{\{ vars\.[A-Z0-9_]+ \}\}$")]
    private static partial System.Text.RegularExpressions.Regex UnsetVariable();

    /// <summary>actions/upload-artifact then actions/download-artifact: the uploaded paths, as they are, into the next job's clone.</summary>
    static void HandOver(TemporaryRepository from, IReadOnlyList<string> paths, TemporaryRepository to)
    {
        foreach (var path in paths)
        {
            var source = from.PathOf(path);
            if (File.Exists(source)) Copy(source, to.PathOf(path));
            else if (Directory.Exists(source))
                foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
                    Copy(file, to.PathOf(Path.Combine(path, Path.GetRelativePath(source, file))));
        }
    }

    static void Copy(string source, string destination)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
        File.Copy(source, destination, overwrite: true);
        // download-artifact does not keep times: the engine must not trust a file's time over its content.
        File.SetLastWriteTimeUtc(destination, DateTime.UtcNow);
    }

    TemporaryRepository Clone()
    {
        var clone = TemporaryRepository.CloneOfSources();
        clones.Add(clone);
        return clone;
    }

    public void Dispose()
    {
        foreach (var clone in clones) clone.Dispose();
    }
}
