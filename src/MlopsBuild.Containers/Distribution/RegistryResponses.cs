using System.Net;
using System.Text.Json;
using MlopsBuild.Containers.Engine;

namespace MlopsBuild.Containers.Distribution;

/// <summary>A registry's refusals as one clear <see cref="OciRegistryException"/>, with the codes of its JSON error body.</summary>
static class RegistryResponses
{
    /// <param name="what">Completes "could not …", e.g. "read the manifest sha256:… of 127.0.0.1:5000/team/model".</param>
    /// <param name="username">Who the client signs in as (null: anonymous), for what to do about a 401 or 403.</param>
    public static async Task EnsureSuccessAsync(
        HttpResponseMessage response, string host, string what, string? username, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode) return;
        var errors = ErrorsOf(await response.Content.ReadAsStringAsync(cancellationToken));
        var status = $"HTTP {(int)response.StatusCode}{(errors is null ? "" : ": " + errors)}";
        throw response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden
            ? new OciRegistryException($"{host} refused to {what} ({status}): {AccessAdvice(host, username)}", response.StatusCode)
            : new OciRegistryException($"{host} could not {what} ({status}).", response.StatusCode);
    }

    static string AccessAdvice(string host, string? username) => username is null
        ? $"it wants credentials: give the registry client a username and password (or token) for {host}, " +
          "allowed to pull from the source repository and push to the target."
        : $"the credentials of '{username}' lack the right: use ones allowed to pull from the source repository and push to the target.";

    /// <summary>
    /// The distribution spec's error body, <c>{"errors":[{"code":"MANIFEST_UNKNOWN","message":"manifest unknown"}]}</c>, as
    /// "MANIFEST_UNKNOWN manifest unknown"; null for an empty body, other text trimmed as it is.
    /// </summary>
    public static string? ErrorsOf(string body)
    {
        if (body.Trim() is not { Length: > 0 } text) return null;
        try
        {
            using var json = JsonDocument.Parse(text);
            if (json.RootElement.ValueKind == JsonValueKind.Object
                && json.RootElement.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array)
                return string.Join("; ", errors.EnumerateArray().Select(error =>
                    string.Join(' ', new[] { DockerResponses.StringOrNull(error, "code"), DockerResponses.StringOrNull(error, "message") }
                        .Where(part => part is { Length: > 0 }))));
        }
        catch (JsonException)
        {
        }
        return text.Length <= 300 ? text : text[..300] + "…";
    }
}
