using System.Runtime.CompilerServices;
using MlopsBuild.Engine.ContinuousIntegration;
using MlopsBuild.Engine.Definition;
using MlopsBuild.Engine.Parameters;
using MlopsBuild.Engine.Tests.Support;
using static MlopsBuild.Engine.ContinuousIntegration.GitHubActionsTrigger;

namespace MlopsBuild.Engine.Tests.ContinuousIntegration;

/// <summary>A workflow attribute that cannot work fails every run (exit 2) with its file and line, and no file is written.</summary>
public sealed class WorkflowDeclarationErrorTests : IDisposable
{
    readonly BuildSandbox sandbox = new();

    public void Dispose() => sandbox.Dispose();

    abstract class Pipeline : PipelineBuild
    {
        [Parameter("Version to promote")] protected readonly string? Version = null;
        [Parameter("User name")] protected readonly string User = "ci";
        [Parameter, Secret("Registry password")] protected readonly string? Password = null;

        protected Target Train => _ => _.Executes(() => Console.WriteLine("ran Train"));
        protected Target Package => _ => _.DependsOn(Train).Executes(() => Console.WriteLine("ran Package"));
        protected Target Deploy => _ => _.DependsOn(Package).Executes(() => Console.WriteLine("ran Deploy"));
    }

    [GitHubActions("unknown-target", On = [Push], Targets = ["Trian"])]
    class UnknownTarget : Pipeline;

    [Fact]
    public void A_target_that_does_not_exist() =>
        AssertRefused<UnknownTarget>("\"unknown-target\"", "'Trian' is not a target of the build. Did you mean 'Train'? Name a target property, as nameof(Train).");

    [GitHubActions("out-of-order", On = [Push],
        Targets = [nameof(Package), nameof(Train)])]
    class OutOfOrder : Pipeline;

    [Fact]
    public void Jobs_in_an_order_their_targets_cannot_run_in_named_at_the_attribute_s_first_line() =>
        AssertRefused<OutOfOrder>("\"out-of-order\"", "Train comes after Package in the workflow 'out-of-order', but Package depends on it, so its job already runs it: list the targets in the order they run.");

    [GitHubActions("twice", On = [Push], Targets = [nameof(Train), nameof(Train)])]
    class Twice : Pipeline;

    [Fact]
    public void A_target_listed_twice() =>
        AssertRefused<Twice>("\"twice\"", "Train is listed twice in the workflow 'twice'.");

    [GitHubActions("no-job", On = [Push])]
    class NoJob : Pipeline;

    [Fact]
    public void A_workflow_without_targets() =>
        AssertRefused<NoJob>("\"no-job\"", "the workflow 'no-job' has no job: list its targets in the order they run, Targets = [nameof(Train), ...].");

    [GitHubActions("never", Targets = [nameof(Train)])]
    class NoTrigger : Pipeline;

    [Fact]
    public void A_workflow_nothing_triggers() =>
        AssertRefused<NoTrigger>("\"never\"", "the workflow 'never' has no trigger: set On = [Push, PullRequest] or OnWorkflowDispatch = true.");

    [GitHubActions("ci/main", On = [Push], Targets = [nameof(Train)])]
    class BadName : Pipeline;

    [Fact]
    public void A_name_that_cannot_be_a_file_name() =>
        AssertRefused<BadName>("\"ci/main\"", "'ci/main' cannot name a workflow file: use letters, digits, '-' and '_'.");

    [GitHubActions("same", On = [Push], Targets = [nameof(Train)])]
    [GitHubActions("SAME", On = [PullRequest], Targets = [nameof(Train)])]
    class SameName : Pipeline;

    [Fact]
    public void Two_workflows_with_one_name() =>
        AssertRefused<SameName>("\"SAME\"", $"a second workflow named 'SAME' (the first is at {Location("\"same\"")}): give each its own name.");

    [GitHubActions("push-inputs", On = [Push], Targets = [nameof(Train)], Inputs = [nameof(Version)])]
    class InputsWithoutDispatch : Pipeline;

    [Fact]
    public void Inputs_on_a_workflow_never_run_by_hand() =>
        AssertRefused<InputsWithoutDispatch>("\"push-inputs\"", "the workflow 'push-inputs' has inputs but is never run by hand: set OnWorkflowDispatch = true, or remove Inputs.");

    [GitHubActions("typo-input", OnWorkflowDispatch = true, Targets = [nameof(Train)], Inputs = ["Versoin"])]
    class InputNamingNoParameter : Pipeline;

    [Fact]
    public void An_input_naming_no_parameter() =>
        AssertRefused<InputNamingNoParameter>("\"typo-input\"", "the input 'Versoin' is not a parameter of the build. Did you mean 'Version'? Name a [Parameter] member, as nameof(Version).");

    [GitHubActions("secret-input", OnWorkflowDispatch = true, Targets = [nameof(Train)], Inputs = [nameof(Password)])]
    class SecretInput : Pipeline;

    [Fact]
    public void A_secret_as_an_input() =>
        AssertRefused<SecretInput>("\"secret-input\"", "the input Password is a [Secret] parameter, and inputs are shown on the run's page: import it with [GitHubActionsJob(..., Secrets = [...])].");

    [GitHubActions("typo-variable", On = [Push], Targets = [nameof(Train)], Variables = ["Versoin"])]
    class VariableNamingNoParameter : Pipeline;

    [Fact]
    public void A_variable_naming_no_parameter() =>
        AssertRefused<VariableNamingNoParameter>("\"typo-variable\"", "the variable 'Versoin' is not a parameter of the build. Did you mean 'Version'? Name a [Parameter] member, as nameof(Version).");

    [GitHubActions("secret-variable", On = [Push], Targets = [nameof(Train)], Variables = [nameof(Password)])]
    class SecretVariable : Pipeline;

    [Fact]
    public void A_secret_as_a_variable() =>
        AssertRefused<SecretVariable>("\"secret-variable\"", "the variable Password is a [Secret] parameter, and configuration variables are shown in plain text: import it with [GitHubActionsJob(..., Secrets = [...])].");

    [GitHubActions("input-and-variable", OnWorkflowDispatch = true, Targets = [nameof(Train)], Inputs = [nameof(Version)], Variables = [nameof(Version)])]
    class InputAndVariable : Pipeline;

    [Fact]
    public void A_parameter_both_input_and_variable() =>
        AssertRefused<InputAndVariable>("\"input-and-variable\"", "Version is both an input and a variable of the workflow 'input-and-variable': keep one.");

    [GitHubActions("plain-secret", On = [Push], Targets = [nameof(Train)])]
    [GitHubActionsJob("plain-secret", nameof(Train), Secrets = [nameof(User)])]
    class PlainSecret : Pipeline;

    [Fact]
    public void A_secret_that_is_not_a_secret_parameter() =>
        AssertRefused<PlainSecret>("[GitHubActionsJob(\"plain-secret\"", "User is not a [Secret] parameter, so its value would be printed in logs: mark it [Secret], or remove it from Secrets.");

    [GitHubActions("lone", On = [Push], Targets = [nameof(Train)])]
    [GitHubActionsJob("alone", nameof(Train), Environment = "lab")]
    class JobOfNoWorkflow : Pipeline;

    [Fact]
    public void A_job_of_a_workflow_that_is_not_declared() =>
        AssertRefused<JobOfNoWorkflow>("[GitHubActionsJob(\"alone\"", "[GitHubActionsJob] names the workflow 'alone', which no [GitHubActions] declares.");

    [GitHubActions("short", On = [Push], Targets = [nameof(Train)])]
    [GitHubActionsJob("short", nameof(Deploy), OnlyOnBranch = "main")]
    class JobNotInWorkflow : Pipeline;

    [Fact]
    public void A_job_for_a_target_the_workflow_does_not_run() =>
        AssertRefused<JobNotInWorkflow>("[GitHubActionsJob(\"short\"", "Deploy is not a job of the workflow 'short': add it to its Targets, or name one of Train.");

    [GitHubActions("pr-deploy", On = [Push, PullRequest], Targets = [nameof(Deploy)])]
    [GitHubActionsJob("pr-deploy", nameof(Deploy), Environment = "lab")]
    class EnvironmentForPullRequests : Pipeline;

    [Fact]
    public void An_environment_job_that_pull_requests_would_run() =>
        AssertRefused<EnvironmentForPullRequests>("[GitHubActionsJob(\"pr-deploy\"", "Deploy runs in the environment 'lab', and the workflow 'pr-deploy' runs for pull requests, whose runs a newer push cancels: set OnlyOnBranch (as \"main\"), or drop PullRequest from its triggers.");

    [GitHubActions("pr-only", On = [PullRequest], Targets = [nameof(Deploy)])]
    [GitHubActionsJob("pr-only", nameof(Deploy), OnlyOnBranch = "main")]
    class BranchJobThatNeverRuns : Pipeline;

    [Fact]
    public void A_branch_only_job_in_a_workflow_only_pull_requests_run() =>
        AssertRefused<BranchJobThatNeverRuns>("[GitHubActionsJob(\"pr-only\"", "Deploy runs only on the branch 'main', but the workflow 'pr-only' runs only for pull requests, so the job would never run: add Push to its triggers, or remove OnlyOnBranch.");

    [GitHubActions("outside", On = [Push], Targets = [nameof(Train), nameof(Package)], HandOff = ["../secrets"])]
    class HandOffOutside : Pipeline;

    [Fact]
    public void A_hand_off_path_outside_the_repository() =>
        AssertRefused<HandOffOutside>("\"outside\"", "the hand-off path '../secrets' must be a file or folder inside the repository, relative to its root (as artifacts), without '..' or wildcards.");

    [GitHubActions("both", On = [Push], Targets = [nameof(Train)])]
    [GitHubActionsJob("both", nameof(Train), ReadPermissions = [GitHubActionsScope.Packages], WritePermissions = [GitHubActionsScope.Packages])]
    class ReadAndWrite : Pipeline;

    [Fact]
    public void A_scope_both_read_and_written() =>
        AssertRefused<ReadAndWrite>("[GitHubActionsJob(\"both\"", "Train's job lists Packages as both read and write: write includes read, keep it in WritePermissions.");

    [GitHubActions("oidc", On = [Push], Targets = [nameof(Train)])]
    [GitHubActionsJob("oidc", nameof(Train), ReadPermissions = [GitHubActionsScope.IdToken])]
    class ReadIdToken : Pipeline;

    [Fact]
    public void An_id_token_to_read() =>
        AssertRefused<ReadIdToken>("[GitHubActionsJob(\"oidc\"", "IdToken cannot be read, only written (id-token: write lets the job request an OIDC token): move it to WritePermissions.");

    [GitHubActions("bad-output", On = [Push], Targets = [nameof(Package)])]
    [GitHubActionsJob("bad-output", nameof(Package), Outputs = ["image digest"])]
    class BadOutput : Pipeline;

    [Fact]
    public void An_output_name_GitHub_cannot_take() =>
        AssertRefused<BadOutput>("[GitHubActionsJob(\"bad-output\"", "'image digest' cannot name a step output: start with a letter or '_', then letters, digits, '-' or '_'.");

    void AssertRefused<T>(string marker, string message) where T : PipelineBuild, new()
    {
        var result = sandbox.Run<T>("Train");

        Assert.True(result.ExitCode == BuildRunner.UsageError, result.ToString());
        Assert.Contains($"error: {Location(marker)}: {message}", result.Output);
        Assert.Empty(result.Ran());
        Assert.False(Directory.Exists(sandbox.PathOf(".github")), "no workflow file is written");
    }

    static string Location(string marker, [CallerFilePath] string sourceFile = "") =>
        $"tests/MlopsBuild.Engine.Tests/ContinuousIntegration/WorkflowDeclarationErrorTests.cs({TestSources.LineOf(marker, sourceFile)})";
}
