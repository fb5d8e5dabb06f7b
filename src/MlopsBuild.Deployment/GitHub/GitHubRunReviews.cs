using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace MlopsBuild.Deployment.GitHub;

/// <summary>
/// Fetches a run's deployment review history from GitHub's REST API with the job's token (which needs
/// <c>permissions: actions: read</c>). Every failure is one <see cref="GitHubApprovalsException"/> naming the URL and the fix.
/// </summary>
public sealed class GitHubRunReviews(HttpClient http)
{
    public const string NoTokenMessage =
        "GITHUB_TOKEN is not set, so the run's environment reviews cannot be read. Give the Promote job " +
        "'env: GITHUB_TOKEN: ${{ secrets.GITHUB_TOKEN }}' and 'permissions: actions: read'.";

    public async Task<IReadOnlyList<RunReview>> FetchAsync(GitHubActionsContext context, CancellationToken cancellationToken = default)
    {
        var token = context.Token ?? throw new GitHubApprovalsException(NoTokenMessage);
        var url = context.ApprovalsUrl;
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/vnd.github+json"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Headers.Add("X-GitHub-Api-Version", "2022-11-28");
        request.Headers.UserAgent.Add(new ProductInfoHeaderValue("MlopsBuild", null)); // GitHub refuses requests without one
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (!response.IsSuccessStatusCode) throw new GitHubApprovalsException(Refusal(url, response, GitHubMessage(body)));
            return RunReviewJson.Parse(body, url);
        }
        catch (HttpRequestException e)
        {
            throw new GitHubApprovalsException($"GET {url} failed: {e.Message.TrimEnd('.')}. Check GITHUB_API_URL and the runner's network, then re-run the job.");
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new GitHubApprovalsException($"GET {url} did not answer within {http.Timeout.TotalSeconds:0.#} s. Re-run the job; if it keeps happening, check https://www.githubstatus.com.");
        }
    }

    static string Refusal(Uri url, HttpResponseMessage response, string github)
    {
        var status = $"GET {url} answered {(int)response.StatusCode} {response.ReasonPhrase}{github}";
        return response.StatusCode switch
        {
            HttpStatusCode.Unauthorized =>
                $"{status}: the token was refused. Pass the job's own token: 'env: GITHUB_TOKEN: ${{{{ secrets.GITHUB_TOKEN }}}}'.",
            HttpStatusCode.Forbidden =>
                $"{status}: the token may not read the run's reviews. Give the Promote job 'permissions: actions: read'.",
            // GitHub answers 404, not 403, when the token may not see the repository's actions at all.
            HttpStatusCode.NotFound =>
                $"{status}: the run is not visible to the token. Give the Promote job 'permissions: actions: read', and check GITHUB_REPOSITORY and GITHUB_RUN_ID.",
            _ => $"{status}. Re-run the job; if it keeps failing, check https://www.githubstatus.com.",
        };
    }

    /// <summary>GitHub's own words from an error body (<c>{"message": "Bad credentials"}</c>), quoted, or nothing.</summary>
    static string GitHubMessage(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("message", out var message) && message.ValueKind == JsonValueKind.String
                ? $" (GitHub: '{message.GetString()}')"
                : "";
        }
        catch (JsonException)
        {
            return "";
        }
    }
}
