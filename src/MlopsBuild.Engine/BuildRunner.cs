using System.Diagnostics;
using System.Reflection;
using MlopsBuild.Core.Hashing;
using MlopsBuild.Core.IO;
using MlopsBuild.Engine.ContinuousIntegration;
using MlopsBuild.Engine.Definition;
using MlopsBuild.Engine.Execution;
using MlopsBuild.Engine.Fingerprints;
using MlopsBuild.Engine.Output;
using MlopsBuild.Engine.Parameters;
using MlopsBuild.Engine.Paths;
using MlopsBuild.Engine.Planning;
using MlopsBuild.Engine.Reports;
using MlopsBuild.Engine.Reports.PlanGraphs;
using MlopsBuild.Engine.Schema;
using MlopsBuild.Engine.Terminal;
using MlopsBuild.Engine.UpToDate;

namespace MlopsBuild.Engine;

/// <summary>
/// One run from arguments to exit code: parameters, targets, plan, execution, summary and manifest.
/// Exit codes: 0 success, 1 a target failed, 2 the invocation or declaration is wrong.
/// </summary>
public static class BuildRunner
{
    public const int Success = 0;
    public const int TargetFailed = 1;
    public const int UsageError = 2;

    public static int Run<T>(IReadOnlyList<string> args, BuildHost host, string? defaultTarget) where T : PipelineBuild, new()
    {
        ConsoleRouter.Install();
        var terminal = BuildTerminal.Enter(BuildTerminal.For(host));
        var output = terminal.Output;
        try
        {
            return RunAsync<T>(args, host, defaultTarget, terminal).GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is BuildUsageException or BuildLockException)
        {
            Fail(output, e.Message);
            return UsageError;
        }
        catch (Exception e)
        {
            Fail(output, $"{e.Message} ({e.GetType().Name}; run with --verbosity verbose for the stack trace)");
            output.Verbose(e.ToString());
            return TargetFailed;
        }
    }

    static async Task<int> RunAsync<T>(IReadOnlyList<string> args, BuildHost host, string? defaultTarget, BuildTerminal terminal)
        where T : PipelineBuild, new()
    {
        var output = terminal.Output;
        var started = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        var members = ParameterMember.Discover(typeof(T));
        var commandLine = CommandLine.Parse(args, option => members.Any(m => m.Option[2..].Equals(option, StringComparison.OrdinalIgnoreCase) && m.IsSwitch));
        var prefix = typeof(T).GetCustomAttribute<EnvironmentPrefixAttribute>()?.Prefix ?? "MLOPS";
        var root = RootDirectoryLocator.Find(
            commandLine.Options.GetValueOrDefault("root"), host.Environment(prefix + "_ROOT"),
            host.Environment(RootDirectoryLocator.BootstrapVariable), host.WorkingDirectory);
        var report = new RunReport(GitHubOutputFile.For(host, output.Masker));
        var scope = new BuildScope(root, host, report);
        BuildScope.Enter(scope);

        var build = new T();
        var profiles = commandLine.Options.GetValueOrDefault("profile")
                       ?? host.Environment(prefix + "_PROFILE")?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList()
                       ?? [];
        var files = ParameterFiles.Load(root / ".nuke", profiles);
        var parameters = ParameterResolver.Apply(build, members, commandLine, host.Environment, files, host.WorkingDirectory, root);
        build.Root ??= root;
        output.Verbosity = build.Verbosity;
        RegisterSecrets(parameters, output);

        var targets = TargetCatalog.Create(build, defaultTarget);
        RejectSecretsAsInputs(targets, members);
        UpdateSchemaFile(root, targets, members);
        var workflows = WorkflowFiles.Generate(typeof(T), targets, members, root, () => new T());
        if (build.GenerateCi)
        {
            foreach (var line in workflows.Write()) output.WriteLine(line);
            return Success;
        }
        // On CI the checked-out files are what runs; a test compares them with the build (the committed-files check).
        if (PipelineBuild.IsLocalBuild)
            foreach (var stale in workflows.Stale()) output.WriteLine($"warning: {stale} is stale: run ./build.sh --generate-ci");

        if (build.Help)
        {
            foreach (var line in HelpText.Lines(targets, parameters, root)) output.WriteLine(line);
            return Success;
        }

        var invoked = commandLine.Targets.Count > 0 ? commandLine.Targets
            : build.InvokedTargets is { Length: > 0 } fromParameters ? fromParameters
            : defaultTarget is not null ? [defaultTarget]
            : throw new BuildUsageException("No target given and the build has no default target. Run with --help to list the targets.");
        var plan = ExecutionPlanner.Plan(targets, invoked, build.Skip);
        var maxParallel = build.RunInParallel ? Math.Max(1, build.MaxParallel) : 1;
        if (build.Plan)
        {
            var lines = PlanText.Lines(plan, maxParallel).ToList();
            if (build.PlanFile is { } planFile) PlanGraphFile.Write(planFile, plan, lines); // before printing: a bad name prints nothing
            foreach (var line in lines) output.WriteLine(line);
            if (build.PlanFile is not null) output.WriteLine($"Wrote the graph of the plan to {build.PlanFile.Display(root)}.");
            return Success;
        }
        if (build.PlanFile is not null)
            throw new BuildUsageException("--plan-file writes the graph of a plan: add --plan, e.g. ./build.sh --plan Deploy --plan-file artifacts/plan.html");
        RequirementCheck.ThrowIfUnmet(plan, members);

        scope.StartReadingGit();
        var hashCache = HashCache.Load(root / ".nuke" / "temp" / "hash-cache.json");
        var buildLock = BuildLock.Load(root / ".nuke" / "build.lock.json");
        // Records of targets that were removed or renamed would linger in the committed file forever.
        foreach (var stale in buildLock.TargetNames.Except(targets.Select(t => t.Name))) buildLock.Remove(stale);
        var upToDate = new UpToDateCheck(root, new ContentHasher(hashCache, new FileHashingProgress(root).Report), buildLock, new DefinitionFingerprint(typeof(T)));
        var runs = await new BuildExecutor(output, upToDate, new ExecutionOptions(maxParallel, build.Force)).RunAsync(plan);
        hashCache.Save();

        var succeeded = runs.All(r => r.Status != TargetStatus.Failed);
        var exitCode = succeeded ? Success : TargetFailed;
        output.PrefixLines = false;
        output.WriteLine();
        terminal.Summary(runs, clock.Elapsed, succeeded);
        var sections = new SectionStore(root / ".nuke" / "temp" / "reports").Collect(runs, report, output.Masker);
        RunSummary.Write(root, host, output.Masker, RunSummary.Markdown(plan.Invoked, runs, succeeded, sections));
        output.Verbose($"Report: {RunSummary.RelativePath}");
        var facts = new RunFacts(plan.Invoked, started, clock.Elapsed, succeeded, exitCode, scope.Git, parameters, runs, report.Outputs);
        if (scope.GitProblem is { } problem) Warn(output, $"the run manifest has no git facts: {problem}");
        RunManifest.Write(root / RunManifest.RelativePath, facts, output.Masker);
        output.Verbose($"Run manifest: {RunManifest.RelativePath}");
        return exitCode;
    }

    static void RegisterSecrets(IReadOnlyList<ResolvedParameter> parameters, BuildOutput output)
    {
        foreach (var parameter in parameters.Where(p => p.Member.IsSecret && p.Value is not null))
        {
            foreach (var secret in parameter.Value is Array array ? array.Cast<object?>().Select(RunManifest.Text) : [RunManifest.Text(parameter.Value)])
            {
                if (secret.Length == 0) continue;
                output.Masker.Add(secret);
                if (!output.OnGitHubActions) continue;
                foreach (var part in SecretMasker.PartsOf(secret)) output.Raw(GitHubActionsCommands.AddMask(part));
            }
        }
    }

    /// <summary>Input values land in the committed lock file, where a secret must never go.</summary>
    static void RejectSecretsAsInputs(IReadOnlyList<ExecutableTarget> targets, IReadOnlyList<ParameterMember> members)
    {
        var secrets = members.Where(m => m.IsSecret).Select(m => m.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var target in targets)
        foreach (var input in target.Definition.InputList.OfType<ValueInput>().Where(v => secrets.Contains(v.Name)))
            throw new BuildUsageException(
                $"Target {target.Name} declares the secret parameter {input.Name} as an input; its value would be written to .nuke/build.lock.json. Remove it from Inputs(...).");
    }

    static void UpdateSchemaFile(AbsolutePath root, IReadOnlyList<ExecutableTarget> targets, IReadOnlyList<ParameterMember> members)
    {
        var path = root / ".nuke" / "build.schema.json";
        var schema = BuildSchema.Generate(targets, members);
        if (!path.FileExists || File.ReadAllText(path) != schema) AtomicFile.WriteAllText(path, schema);
    }

    static void Fail(BuildOutput output, string message)
    {
        output.WriteLine($"error: {message}");
        output.GitHubCommand(GitHubActionsCommands.Error("Build failed", message));
    }

    static void Warn(BuildOutput output, string message)
    {
        output.WriteLine($"warning: {message}");
        output.GitHubCommand(GitHubActionsCommands.Warning(message));
    }
}
