using System.Globalization;

namespace MlopsBuild.Deployment.GitHub;

/// <summary>
/// The GitHub Actions run the build is in, from the variables the runner sets. <see cref="FromEnvironment(Func{string, string?})"/>
/// gives null off GitHub Actions. The token is absent unless the job passes <c>GITHUB_TOKEN</c> to the step.
/// </summary>
public sealed record GitHubActionsContext(Uri ApiUrl, string Repository, long RunId, int RunAttempt, string? Token)
{
    public static GitHubActionsContext? FromEnvironment() => FromEnvironment(Environment.GetEnvironmentVariable);

    public static GitHubActionsContext? FromEnvironment(Func<string, string?> variable)
    {
        if (variable("GITHUB_ACTIONS") != "true") return null;
        var apiUrl = ApiUrlFrom(Required(variable, "GITHUB_API_URL"));
        var repository = Required(variable, "GITHUB_REPOSITORY");
        if (repository.Split('/') is not [{ Length: > 0 }, { Length: > 0 }])
            throw Invalid("GITHUB_REPOSITORY", repository, "is not 'owner/name'");
        var runId = Required(variable, "GITHUB_RUN_ID");
        var runAttempt = Required(variable, "GITHUB_RUN_ATTEMPT");
        return new GitHubActionsContext(apiUrl, repository,
            long.TryParse(runId, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0 ? id : throw Invalid("GITHUB_RUN_ID", runId, "is not a run id"),
            int.TryParse(runAttempt, NumberStyles.None, CultureInfo.InvariantCulture, out var attempt) && attempt > 0 ? attempt : throw Invalid("GITHUB_RUN_ATTEMPT", runAttempt, "is not an attempt number"),
            variable("GITHUB_TOKEN") is { Length: > 0 } token ? token : null);
    }

    /// <summary>GET here lists the run's deployment reviews (GitHub REST "Get the review history for a workflow run").</summary>
    public Uri ApprovalsUrl => new(string.Create(CultureInfo.InvariantCulture,
        $"{ApiUrl.AbsoluteUri.TrimEnd('/')}/repos/{Repository}/actions/runs/{RunId}/approvals"));

    public string Run => string.Create(CultureInfo.InvariantCulture, $"run {RunId} attempt {RunAttempt} of {Repository}");

    // Never the token: this may be logged.
    public override string ToString() => $"{Run} at {ApiUrl}";

    static Uri ApiUrlFrom(string text)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
            throw Invalid("GITHUB_API_URL", text, "is not an http(s) URL");
        // The token goes with every request: only a loopback address (a test double) may be plain http.
        if (url.Scheme == Uri.UriSchemeHttp && !url.IsLoopback)
            throw new GitHubApprovalsException($"GITHUB_API_URL '{text}' is plain http, so GITHUB_TOKEN would travel in clear. Use the https URL of GitHub's API.");
        return url;
    }

    static string Required(Func<string, string?> variable, string name) =>
        variable(name) is { Length: > 0 } value
            ? value
            : throw new GitHubApprovalsException($"{name} is not set although GITHUB_ACTIONS is 'true'. Run the build in a GitHub Actions step, or unset GITHUB_ACTIONS to run it outside one.");

    static GitHubApprovalsException Invalid(string name, string value, string problem) =>
        new($"{name} '{value}' {problem}. Leave it as the GitHub Actions runner sets it.");
}
