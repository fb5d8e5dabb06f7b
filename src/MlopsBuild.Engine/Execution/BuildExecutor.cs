using System.Diagnostics;
using System.Reflection;
using MlopsBuild.Engine.Output;
using MlopsBuild.Engine.Planning;

namespace MlopsBuild.Engine.Execution;

/// <summary>
/// Runs a plan. A target starts once everything ordered before it has finished; with MaxParallel above 1,
/// independent targets overlap. After a failure nothing new starts except <c>AssuredAfterFailure</c> targets,
/// unless the failed target allows <c>ProceedAfterFailure</c>, in which case only its dependents are held back.
/// </summary>
internal sealed class BuildExecutor(BuildOutput output, UpToDateCheck upToDate, ExecutionOptions options)
{
    string? stoppedBy;

    public async Task<IReadOnlyList<TargetRun>> RunAsync(ExecutionPlan plan)
    {
        var runs = plan.Targets.ToDictionary(p => p.Target, p => new TargetRun(p));
        var running = new Dictionary<Task, TargetRun>();
        output.PrefixLines = options.MaxParallel > 1;

        while (true)
        {
            foreach (var run in runs.Values.Where(r => !r.IsFinished && !running.ContainsValue(r)))
            {
                if (running.Count >= options.MaxParallel) break;
                if (!run.Planned.Predecessors.All(p => runs[p].IsFinished)) continue;
                if (DecideWithoutRunning(run, runs) is { } decision)
                {
                    run.Finish(decision.Status, decision.Reason);
                    if (decision.Status == TargetStatus.Skipped) output.Information($"Skipping {run.Name}: {decision.Reason}");
                    continue;
                }
                running[Task.Run(() => RunTargetAsync(run))] = run;
            }

            if (running.Count == 0)
            {
                if (runs.Values.All(r => r.IsFinished)) break;
                continue; // targets decided without running may have unblocked others
            }

            var finished = await Task.WhenAny(running.Keys);
            var finishedRun = running[finished];
            running.Remove(finished);
            if (finishedRun.Status == TargetStatus.Failed && !finishedRun.Planned.Target.Definition.ProceedsAfterFailure)
                stoppedBy ??= finishedRun.Name;
        }
        return plan.Targets.Select(p => runs[p.Target]).ToList();
    }

    (TargetStatus Status, string Reason)? DecideWithoutRunning(TargetRun run, IReadOnlyDictionary<Definition.ExecutableTarget, TargetRun> runs)
    {
        var definition = run.Planned.Target.Definition;
        if (!definition.IsAssuredAfterFailure)
        {
            if (stoppedBy is not null) return (TargetStatus.NotRun, $"the build stopped after {stoppedBy} failed");
            var blocked = run.Planned.Prerequisites.FirstOrDefault(p => runs[p].Status is TargetStatus.Failed or TargetStatus.NotRun);
            if (blocked is not null) return (TargetStatus.NotRun, $"{blocked.Name} {(runs[blocked].Status == TargetStatus.Failed ? "failed" : "did not run")}");
        }
        return run.Planned.SkipReason is { } skip ? (TargetStatus.Skipped, skip) : null;
    }

    async Task RunTargetAsync(TargetRun run)
    {
        var target = run.Planned.Target;
        var log = new TargetLog(output, run.Name);
        ConsoleRouter.Current = log;
        CurrentTarget.Run = run;
        var clock = Stopwatch.StartNew();
        Header(run.Name);
        try
        {
            var condition = target.Definition.Conditions.FirstOrDefault(c => !c.Evaluate());
            if (condition is not null)
            {
                run.Finish(TargetStatus.Skipped, $"condition is false: {condition.Text}");
                return;
            }

            var snapshot = target.IsCacheable ? upToDate.Snapshot(target) : null;
            if (snapshot is not null)
            {
                var reason = options.IsForced(run.Name) ? "--force" : upToDate.ReasonToRun(run.Name, snapshot);
                if (reason is null)
                {
                    run.Record = upToDate.LastSuccess(run.Name);
                    run.Finish(TargetStatus.UpToDate, "inputs, definition and outputs unchanged since its last success");
                    return;
                }
                output.Information($"Running because {reason}.", run.Name);
            }

            foreach (var action in target.Definition.Actions) await action();
            log.Flush();
            if (snapshot is not null) run.Record = upToDate.RecordSuccess(run.Name, target, snapshot);
            run.Finish(TargetStatus.Succeeded);
        }
        catch (Exception exception)
        {
            log.Flush();
            var error = Unwrap(exception);
            run.Error = error;
            run.Finish(TargetStatus.Failed, error.Message);
            ReportFailure(run.Name, error);
        }
        finally
        {
            log.Flush();
            run.Duration = clock.Elapsed;
            Footer(run);
            ConsoleRouter.Current = null;
            CurrentTarget.Run = null;
        }
    }

    void Header(string name)
    {
        if (output.PrefixLines) output.Information("started", name);
        else if (output.OnGitHubActions) output.GitHubCommand(GitHubActionsCommands.Group(name));
        else output.Information($"─── {name} {new string('─', Math.Max(3, 56 - name.Length))}");
    }

    void Footer(TargetRun run)
    {
        var reason = run.Status is TargetStatus.Skipped or TargetStatus.UpToDate ? $": {run.Reason}" : "";
        output.Information($"{run.Name}: {run.Status.Display()}{reason} ({SummaryTable.Format(run.Duration)})", output.PrefixLines ? run.Name : null);
        if (output.OnGitHubActions && !output.PrefixLines) output.GitHubCommand(GitHubActionsCommands.EndGroup);
    }

    void ReportFailure(string name, Exception error)
    {
        var expected = error is BuildFailedException or BuildUsageException;
        output.WriteLine($"error: target {name} failed: {error.Message}", name);
        if (!expected && output.Verbosity != Verbosity.Verbose)
            output.WriteLine($"       ({error.GetType().Name}; run with --verbosity verbose for the stack trace)", name);
        output.Verbose(error.ToString(), name);
        output.GitHubCommand(GitHubActionsCommands.Error($"{name} failed", error.Message));
    }

    static Exception Unwrap(Exception exception) => exception switch
    {
        TargetInvocationException { InnerException: { } inner } => Unwrap(inner),
        AggregateException { InnerExceptions.Count: 1 } aggregate => Unwrap(aggregate.InnerExceptions[0]),
        _ => exception,
    };
}
