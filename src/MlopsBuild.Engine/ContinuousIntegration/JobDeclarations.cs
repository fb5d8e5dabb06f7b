using MlopsBuild.Engine.Definition;
using MlopsBuild.Engine.Parameters;
using MlopsBuild.Engine.Reports;

namespace MlopsBuild.Engine.ContinuousIntegration;

/// <summary>One job of a workflow, with what its <see cref="GitHubActionsJobAttribute"/> (if any) says, checked.</summary>
internal static class JobDeclarations
{
    public static WorkflowJob Read(Workflow workflow, GitHubActionsJobAttribute? settings, DeclarationScope scope, ExecutableTarget target,
        string id, IReadOnlyList<string> skip, string? needs, HandOff? receives, HandOff? sends)
    {
        if (settings is null) return new(id, target.Name, skip, needs, null, null, [], false, [], [], receives, sends);
        var at = settings.Location;
        var branch = settings.OnlyOnBranch;
        if (branch is not null && (branch.Length == 0 || branch.Any(char.IsWhiteSpace)))
            throw scope.Error(at, $"OnlyOnBranch '{branch}' is not a branch name.");
        if (branch is not null && !workflow.OnWorkflowDispatch && workflow.On.All(on => on == GitHubActionsTrigger.PullRequest))
            throw scope.Error(at, $"{target.Name} runs only on the branch '{branch}', but the workflow '{workflow.Name}' runs only for pull requests, so the job would never run: add Push to its triggers, or remove OnlyOnBranch.");
        if (settings.Environment is { } environment)
        {
            if (environment.Trim().Length == 0) throw scope.Error(at, "Environment is empty: name the GitHub environment, or remove it.");
            // A pull request's run is cancelled by the next push (concurrency): never half-way through a deployment.
            if (workflow.RunsForPullRequests && branch is null)
                throw scope.Error(at, $"{target.Name} runs in the environment '{environment}', and the workflow '{workflow.Name}' runs for pull requests, whose runs a newer push cancels: set OnlyOnBranch (as \"main\"), or drop PullRequest from its triggers.");
        }
        return new(id, target.Name, skip, needs, branch, settings.Environment, Secrets(settings, scope), settings.GitHubToken,
            Permissions(settings, scope, target), Outputs(settings, scope), receives, sends);
    }

    static List<ParameterMember> Secrets(GitHubActionsJobAttribute settings, DeclarationScope scope)
    {
        var secrets = new List<ParameterMember>();
        foreach (var name in settings.Secrets)
        {
            var parameter = scope.Parameter(settings.Location, name, "secret");
            if (!parameter.IsSecret)
                throw scope.Error(settings.Location, $"{parameter.Name} is not a [Secret] parameter, so its value would be printed in logs: mark it [Secret], or remove it from Secrets.");
            if (!secrets.Contains(parameter)) secrets.Add(parameter);
        }
        return secrets;
    }

    /// <summary>Empty when nothing is declared (the workflow's <c>contents: read</c> holds); else that, with the declared scopes.</summary>
    static List<(GitHubActionsScope Scope, string Access)> Permissions(GitHubActionsJobAttribute settings, DeclarationScope scope, ExecutableTarget target)
    {
        var both = settings.ReadPermissions.Intersect(settings.WritePermissions).ToList();
        if (both.Count > 0)
            throw scope.Error(settings.Location, $"{target.Name}'s job lists {both[0]} as both read and write: write includes read, keep it in WritePermissions.");
        if (settings.ReadPermissions.Contains(GitHubActionsScope.IdToken))
            throw scope.Error(settings.Location, "IdToken cannot be read, only written (id-token: write lets the job request an OIDC token): move it to WritePermissions.");
        if (settings.ReadPermissions.Length == 0 && settings.WritePermissions.Length == 0) return [];
        // Checking out the repository needs contents: read, and a job's permissions replace the workflow's.
        var reads = settings.ReadPermissions.Append(GitHubActionsScope.Contents).Except(settings.WritePermissions);
        return settings.WritePermissions.Distinct().Select(s => (Scope: s, Access: "write"))
            .Concat(reads.Distinct().Select(s => (Scope: s, Access: "read")))
            .OrderBy(p => ScopeKey(p.Scope), StringComparer.Ordinal).ToList();
    }

    static List<string> Outputs(GitHubActionsJobAttribute settings, DeclarationScope scope)
    {
        foreach (var output in settings.Outputs)
            if (!RunReport.IsValidOutputName(output))
                throw scope.Error(settings.Location, $"'{output}' cannot name a step output: start with a letter or '_', then letters, digits, '-' or '_'.");
        var duplicate = settings.Outputs.GroupBy(o => o, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw scope.Error(settings.Location, $"the output '{duplicate.Key}' is listed twice.");
        return [.. settings.Outputs];
    }

    /// <summary>The scope as <c>permissions:</c> names it: IdToken, id-token.</summary>
    public static string ScopeKey(GitHubActionsScope scope) => ParameterMember.Kebab(scope.ToString());
}
