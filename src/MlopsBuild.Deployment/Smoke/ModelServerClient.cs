using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MlopsBuild.Deployment.Smoke;

/// <summary>Talks to a running model server over its MLflow-compatible and Open Inference Protocol endpoints.</summary>
public sealed class ModelServerClient(HttpClient http)
{
    /// <summary>Polls /v2/health/ready until it answers 200, or throws once <paramref name="timeout"/> has passed.</summary>
    /// <param name="stillRunning">Checked between polls: false (the server process ended) stops the wait at once.</param>
    public async Task WaitReadyAsync(TimeSpan timeout, Func<Task<bool>> stillRunning, CancellationToken cancellationToken = default)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            try
            {
                using var response = await http.GetAsync("v2/health/ready", cancellationToken);
                if (response.IsSuccessStatusCode) return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            if (!await stillRunning())
                throw new SmokeTestException($"the model server at {http.BaseAddress} stopped before it was ready");
            if (DateTime.UtcNow > deadline)
                throw new SmokeTestException($"the model server at {http.BaseAddress} was not ready within {timeout.TotalSeconds:0} s");
            await Task.Delay(50, cancellationToken);
        }
    }

    /// <summary>
    /// Predictions for rows given as column → JSON value, through POST /invocations (dataframe_records): per row the
    /// class probabilities, or the one regression value.
    /// </summary>
    public async Task<double[][]> InvokeAsync(IReadOnlyList<JsonObject> records, CancellationToken cancellationToken = default)
    {
        var body = new JsonObject { ["dataframe_records"] = new JsonArray(records.Select(r => (JsonNode)r.DeepClone()).ToArray()) };
        using var response = await http.PostAsync("invocations", JsonContent.Create(body), cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
            throw new SmokeTestException($"POST {http.BaseAddress}invocations answered {(int)response.StatusCode}: {text}");
        var predictions = JsonNode.Parse(text)?["predictions"]?.AsArray()
            ?? throw new SmokeTestException($"POST {http.BaseAddress}invocations answered without \"predictions\": {text}");
        return predictions.Select(Values).ToArray();
    }

    static double[] Values(JsonNode? prediction) => prediction switch
    {
        JsonObject classified => classified["probabilities"]!.AsArray().Select(p => p!.GetValue<double>()).ToArray(),
        JsonValue value when value.GetValueKind() == JsonValueKind.Number => [value.GetValue<double>()],
        _ => throw new SmokeTestException($"a prediction is neither probabilities nor a number: {prediction?.ToJsonString()}"),
    };
}
