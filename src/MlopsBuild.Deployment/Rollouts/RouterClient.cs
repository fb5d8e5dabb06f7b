using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MlopsBuild.Deployment.Rollouts;

/// <summary>The admin API of an environment's router (src/MlopsBuild.Router): which slot it forwards to, and the switch.</summary>
public sealed class RouterClient(HttpClient http)
{
    /// <summary>True when the router's admin API answers GET /health.</summary>
    public async Task<bool> IsUpAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            using var response = await http.GetAsync("health", cancellationToken);
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    public async Task<RouterState> GetAsync(CancellationToken cancellationToken = default)
    {
        using var response = await SendAsync(HttpMethod.Get, null, cancellationToken);
        return await ReadStateAsync(response, cancellationToken);
    }

    /// <summary>Points the router at <paramref name="upstream"/>: requests that start after this returns go there.</summary>
    public async Task<RouterState> SwitchAsync(Uri upstream, string label, CancellationToken cancellationToken = default)
    {
        using var response = await SendAsync(HttpMethod.Put, new JsonObject { ["upstream"] = upstream.ToString(), ["label"] = label }, cancellationToken);
        return await ReadStateAsync(response, cancellationToken);
    }

    /// <summary>Waits until no request is in flight at <paramref name="upstream"/>; false when some still are after <paramref name="timeout"/>.</summary>
    public async Task<bool> WaitDrainedAsync(Uri upstream, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var deadline = DateTime.UtcNow + timeout;
        while ((await GetAsync(cancellationToken)).InFlightAt(upstream) > 0)
        {
            if (DateTime.UtcNow > deadline) return false;
            await Task.Delay(20, cancellationToken);
        }
        return true;
    }

    async Task<HttpResponseMessage> SendAsync(HttpMethod method, JsonObject? body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, "upstream") { Content = body is null ? null : JsonContent.Create(body) };
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            throw new DeploymentException($"The router's admin API at {http.BaseAddress} does not answer ({e.Message}).");
        }
        if (response.IsSuccessStatusCode) return response;
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        response.Dispose();
        throw new DeploymentException($"The router at {http.BaseAddress} refused {method} /upstream with {(int)response.StatusCode}: {text}");
    }

    static async Task<RouterState> ReadStateAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var json = await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken)
            ?? throw new DeploymentException("The router answered an empty state.");
        var inFlight = new Dictionary<Uri, int>();
        if (json["inFlight"] is JsonObject counts)
            foreach (var (address, count) in counts)
                if (Uri.TryCreate(address, UriKind.Absolute, out var uri) && count is not null) inFlight[uri] = count.GetValue<int>();
        return new RouterState(
            json["upstream"]?.GetValue<string>() is { } upstream ? new Uri(upstream) : null,
            json["label"]?.GetValue<string>(),
            json["since"]?.GetValue<string>() is { } since ? DateTimeOffset.Parse(since, System.Globalization.CultureInfo.InvariantCulture) : null,
            inFlight);
    }
}
