using System.Text.Json;

namespace MlopsBuild.Deployment.GitHub;

/// <summary>
/// Reads GitHub's review history JSON: an array of
/// <c>{"environments": [{"id": …, "name": "factory", …}], "state": "approved", "user": {"login": "alice-gh", …}, "comment": "…"}</c>.
/// Fields the build does not use are passed by.
/// </summary>
internal static class RunReviewJson
{
    public static IReadOnlyList<RunReview> Parse(string json, Uri url)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Array) throw Shape(url, "not a JSON array");
            return document.RootElement.EnumerateArray().Select(review => Review(review, url)).ToList();
        }
        catch (JsonException e)
        {
            throw Shape(url, $"not valid JSON: {e.Message.TrimEnd('.')}");
        }
    }

    static RunReview Review(JsonElement review, Uri url)
    {
        if (review.ValueKind != JsonValueKind.Object) throw Shape(url, "an entry is not a JSON object");
        var login = review.TryGetProperty("user", out var user) && user.ValueKind == JsonValueKind.Object ? Text(user, "login") : null;
        var state = Text(review, "state");
        var environments = review.TryGetProperty("environments", out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.Object ? Text(e, "name") : null).ToList()
            : null;
        if (login is null) throw Shape(url, "a review has no user.login");
        if (state is null) throw Shape(url, $"the review by {login} has no state");
        if (environments is null || environments.Contains(null)) throw Shape(url, $"the review by {login} has no list of environment names");
        // GitHub sends null or "" for a review without a comment.
        return new RunReview(login, state, Text(review, "comment") ?? "", environments!);
    }

    static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    static GitHubApprovalsException Shape(Uri url, string problem) =>
        new($"GET {url} answered with something other than GitHub's review history ({problem}). Check that GITHUB_API_URL is GitHub's API.");
}
