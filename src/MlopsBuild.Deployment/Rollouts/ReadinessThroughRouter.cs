namespace MlopsBuild.Deployment.Rollouts;

/// <summary>/v2/health/ready asked at an environment's public address, as clients see it: ready, and from which version.</summary>
static class ReadinessThroughRouter
{
    /// <returns>Null when <paramref name="expectedLabel"/> answered ready; otherwise what answered instead, in words.</returns>
    public static async Task<string?> ProblemAsync(HttpClient publicHttp, string? expectedLabel, CancellationToken cancellationToken)
    {
        using var ready = await publicHttp.GetAsync("v2/health/ready", cancellationToken);
        var label = ready.Headers.TryGetValues(RouterHeaders.UpstreamLabel, out var values) ? values.FirstOrDefault() : null;
        return ready.IsSuccessStatusCode && label == expectedLabel
            ? null
            : $"/v2/health/ready answered {(int)ready.StatusCode} from '{label ?? "no version"}'";
    }
}
