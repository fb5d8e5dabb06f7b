namespace MlopsBuild.Engine.Git;

/// <summary>
/// actions/checkout leaves HEAD detached, so on GitHub Actions the branch comes from the runner's variables.
/// </summary>
internal static class GitHubActionsBranch
{
    public static string? From(Func<string, string?> environment)
    {
        if (environment("GITHUB_ACTIONS") != "true")
            return null;
        // Pull requests: GITHUB_REF_NAME is "<number>/merge", the source branch is GITHUB_HEAD_REF.
        var headRef = environment("GITHUB_HEAD_REF");
        if (!string.IsNullOrEmpty(headRef))
            return headRef;
        // Tag pushes set GITHUB_REF_NAME to the tag, which is not a branch.
        var refName = environment("GITHUB_REF_NAME");
        return environment("GITHUB_REF_TYPE") == "tag" || string.IsNullOrEmpty(refName) ? null : refName;
    }
}
