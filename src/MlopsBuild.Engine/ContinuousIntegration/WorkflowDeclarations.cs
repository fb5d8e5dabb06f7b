using System.Reflection;
using System.Text.RegularExpressions;
using MlopsBuild.Engine.Definition;
using MlopsBuild.Engine.Parameters;
using MlopsBuild.Engine.Paths;
using MlopsBuild.Engine.Reports;

namespace MlopsBuild.Engine.ContinuousIntegration;

/// <summary>
/// Reads a build's <see cref="GitHubActionsAttribute"/>s and <see cref="GitHubActionsJobAttribute"/>s into workflows,
/// refusing what cannot work (unknown names, jobs out of order, impossible combinations) with the attribute's place.
/// </summary>
internal static partial class WorkflowDeclarations
{
    /// <summary>The engine's own record of what is up to date: without it the next job would run everything again.</summary>
    const string BuildLock = ".nuke/build.lock.json";

    /// <param name="createBuild">A new instance of the build, for its parameters' declared defaults (inputs).</param>
    public static IReadOnlyList<Workflow> Read(Type buildType, DeclarationScope scope, Func<object> createBuild)
    {
        var declared = InSourceOrder(buildType.GetCustomAttributes<GitHubActionsAttribute>(), a => a.Location);
        var jobs = InSourceOrder(buildType.GetCustomAttributes<GitHubActionsJobAttribute>(), a => a.Location);
        var defaults = new Lazy<object>(() => CreateWhereNothingIsSet(createBuild, scope.Root));
        var workflows = new List<Workflow>();
        foreach (var attribute in declared)
        {
            if (workflows.FirstOrDefault(w => string.Equals(w.Name, attribute.Name, StringComparison.OrdinalIgnoreCase)) is { } first)
                throw scope.Error(attribute.Location, $"a second workflow named '{attribute.Name}' (the first is at {first.Location.Display(scope.Root)}): give each its own name.");
            workflows.Add(Read(attribute, jobs.Where(j => string.Equals(j.Workflow, attribute.Name, StringComparison.OrdinalIgnoreCase)).ToList(), scope, defaults));
        }
        var orphan = jobs.FirstOrDefault(j => !workflows.Any(w => string.Equals(w.Name, j.Workflow, StringComparison.OrdinalIgnoreCase)));
        if (orphan is not null)
            throw scope.Error(orphan.Location, $"[GitHubActionsJob] names the workflow '{orphan.Workflow}', which no [GitHubActions] declares.");
        return workflows;
    }

    static Workflow Read(GitHubActionsAttribute attribute, IReadOnlyList<GitHubActionsJobAttribute> jobAttributes, DeclarationScope scope, Lazy<object> defaults)
    {
        var at = attribute.Location;
        var name = attribute.Name;
        if (!WorkflowName().IsMatch(name))
            throw scope.Error(at, $"'{name}' cannot name a workflow file: use letters, digits, '-' and '_'.");
        if (attribute.On.Length == 0 && !attribute.OnWorkflowDispatch)
            throw scope.Error(at, $"the workflow '{name}' has no trigger: set On = [Push, PullRequest] or OnWorkflowDispatch = true.");
        if (attribute.Inputs.Length > 0 && !attribute.OnWorkflowDispatch)
            throw scope.Error(at, $"the workflow '{name}' has inputs but is never run by hand: set OnWorkflowDispatch = true, or remove Inputs.");
        if (attribute.Targets.Length == 0)
            throw scope.Error(at, $"the workflow '{name}' has no job: list its targets in the order they run, Targets = [nameof(Train), ...].");

        var inputs = Inputs(attribute, scope, defaults);
        var variables = Variables(attribute, scope, inputs);
        var chain = Chain(attribute, scope);
        var handOff = HandOffPaths(attribute, scope);
        var handOffRoot = CommonFolder(handOff);
        var on = attribute.On.Distinct().ToList();
        var workflowForJobs = new Workflow(name, at, on, attribute.OnWorkflowDispatch, inputs, variables, attribute.RunsOn, []);

        var settings = new Dictionary<ExecutableTarget, GitHubActionsJobAttribute>();
        foreach (var job in jobAttributes)
        {
            var target = scope.Target(job.Location, job.Target);
            if (!chain.Any(c => c.Target == target))
                throw scope.Error(job.Location, $"{target.Name} is not a job of the workflow '{name}': add it to its Targets, or name one of {string.Join(", ", chain.Select(c => c.Target.Name))}.");
            if (!settings.TryAdd(target, job))
                throw scope.Error(job.Location, $"a second [GitHubActionsJob] for {target.Name} in the workflow '{name}': merge the two.");
        }

        var jobs = new List<WorkflowJob>();
        for (var i = 0; i < chain.Count; i++)
        {
            var (target, plan) = chain[i];
            var ranBefore = chain.Take(i).SelectMany(c => c.Plan).ToHashSet();
            // What an earlier job ran is done: a target with inputs or outputs proves it with the handed-over lock
            // (up to date); one without cannot, so it is skipped by name (its job succeeded, or this one would not run).
            var skip = plan.Where(t => ranBefore.Contains(t) && !t.IsCacheable).Select(t => t.Name).ToList();
            jobs.Add(JobDeclarations.Read(workflowForJobs, settings.GetValueOrDefault(target), scope, target, JobId(target), skip,
                needs: i > 0 ? JobId(chain[i - 1].Target) : null,
                receives: i > 0 ? new HandOff(ArtifactName(chain[i - 1].Target), handOff, handOffRoot) : null,
                sends: i < chain.Count - 1 ? new HandOff(ArtifactName(target), handOff, handOffRoot) : null));
        }
        return workflowForJobs with { Jobs = jobs };
    }

    static List<DispatchInput> Inputs(GitHubActionsAttribute attribute, DeclarationScope scope, Lazy<object> defaults)
    {
        var inputs = new List<DispatchInput>();
        foreach (var name in attribute.Inputs)
        {
            var parameter = scope.Parameter(attribute.Location, name, "input");
            if (parameter.IsSecret)
                throw scope.Error(attribute.Location, $"the input {parameter.Name} is a [Secret] parameter, and inputs are shown on the run's page: import it with [GitHubActionsJob(..., Secrets = [...])].");
            var input = DispatchInputs.For(parameter, parameter.GetValue(defaults.Value), scope.Root);
            if (inputs.Any(i => i.Id == input.Id))
                throw scope.Error(attribute.Location, $"the input {parameter.Name} is listed twice.");
            inputs.Add(input);
        }
        return inputs;
    }

    static List<ParameterMember> Variables(GitHubActionsAttribute attribute, DeclarationScope scope, List<DispatchInput> inputs)
    {
        var variables = new List<ParameterMember>();
        foreach (var name in attribute.Variables)
        {
            var parameter = scope.Parameter(attribute.Location, name, "variable");
            if (parameter.IsSecret)
                throw scope.Error(attribute.Location, $"the variable {parameter.Name} is a [Secret] parameter, and configuration variables are shown in plain text: import it with [GitHubActionsJob(..., Secrets = [...])].");
            if (inputs.Any(input => input.EnvironmentVariable == parameter.EnvironmentVariable))
                throw scope.Error(attribute.Location, $"{parameter.Name} is both an input and a variable of the workflow '{attribute.Name}': keep one.");
            if (variables.Contains(parameter))
                throw scope.Error(attribute.Location, $"the variable {parameter.Name} is listed twice.");
            variables.Add(parameter);
        }
        return variables;
    }

    /// <summary>The jobs' targets with what each job's <c>./build.sh</c> runs; a job may not come after one that already ran its target.</summary>
    static List<(ExecutableTarget Target, IReadOnlyList<ExecutableTarget> Plan)> Chain(GitHubActionsAttribute attribute, DeclarationScope scope)
    {
        var chain = new List<(ExecutableTarget Target, IReadOnlyList<ExecutableTarget> Plan)>();
        foreach (var name in attribute.Targets)
        {
            var target = scope.Target(attribute.Location, name);
            if (chain.Any(c => c.Target == target))
                throw scope.Error(attribute.Location, $"{target.Name} is listed twice in the workflow '{attribute.Name}'.");
            if (chain.FirstOrDefault(c => c.Plan.Contains(target)) is { Target: { } earlier })
                throw scope.Error(attribute.Location, $"{target.Name} comes after {earlier.Name} in the workflow '{attribute.Name}', but {earlier.Name} depends on it, so its job already runs it: list the targets in the order they run.");
            chain.Add((target, scope.PlanOf(target)));
        }
        return chain;
    }

    static List<string> HandOffPaths(GitHubActionsAttribute attribute, DeclarationScope scope)
    {
        var paths = new List<string> { BuildLock };
        foreach (var declared in attribute.HandOff)
        {
            var path = declared.Replace('\\', '/').TrimEnd('/');
            if (path.Length == 0 || Path.IsPathRooted(path) || path.Split('/').Contains("..") || path.IndexOfAny(['*', '?', '[', '\n']) >= 0)
                throw scope.Error(attribute.Location, $"the hand-off path '{declared}' must be a file or folder inside the repository, relative to its root (as artifacts), without '..' or wildcards.");
            if (!paths.Contains(path)) paths.Add(path);
        }
        return paths;
    }

    /// <summary>
    /// The folder the paths have in common: upload-artifact roots the artifact there, so the download goes there too
    /// (a folder path counts as a folder, the lock file as a file in .nuke).
    /// </summary>
    static string CommonFolder(IReadOnlyList<string> paths)
    {
        var folders = paths.Select(p => p == BuildLock ? p.Split('/')[..^1] : p.Split('/')).ToList();
        var common = folders[0].TakeWhile((segment, i) => folders.All(f => f.Length > i && f[i] == segment)).ToList();
        return common.Count == 0 ? "." : string.Join('/', common);
    }

    /// <summary>
    /// A new build whose field initialisers see no environment (IsLocalBuild is true): the inputs' defaults, and so the
    /// files, are the same on a laptop and on CI.
    /// </summary>
    static object CreateWhereNothingIsSet(Func<object> createBuild, AbsolutePath root)
    {
        var current = BuildScope.Current;
        BuildScope.Enter(new BuildScope(root, new BuildHost(TextWriter.Null, _ => null, root), new RunReport(gitHubOutput: null)));
        try
        {
            return createBuild();
        }
        finally
        {
            BuildScope.Enter(current);
        }
    }

    static string JobId(ExecutableTarget target) => ParameterMember.Kebab(target.Name);

    static string ArtifactName(ExecutableTarget target) => $"handoff-{JobId(target)}";

    static List<T> InSourceOrder<T>(IEnumerable<T> attributes, Func<T, SourceLocation> location) =>
        attributes.OrderBy(a => location(a).File, StringComparer.Ordinal).ThenBy(a => location(a).Line).ToList();

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_-]*$")]
    private static partial Regex WorkflowName();
}
