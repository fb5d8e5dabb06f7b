using System.Globalization;
using System.Text.RegularExpressions;

namespace MlopsBuild.Serving.Tests;

[Collection(SampleModelCollection.Name)]
public sealed class MetricsTests(SampleModel sample) : IDisposable
{
    readonly ServingFactory factory = ServingFactory.For(sample);

    [Fact]
    public async Task Metrics_count_requests_by_endpoint_and_status_latencies_and_predicted_classes()
    {
        var client = factory.CreateClient();
        var records = sample.GoldenRecords.Take(10).ToArray();
        for (var i = 0; i < 3; i++)
            (await client.PostAsync("/v2/models/loans/infer", Payloads.Json(Payloads.V2(sample.Model.Signature, records)))).Dispose();
        (await client.PostAsync("/v2/models/loans/infer", Payloads.Json("{"))).Dispose();
        (await client.PostAsync("/invocations", Payloads.Json(Payloads.Records("instances", records)))).Dispose();

        using var response = await client.GetAsync("/metrics");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(3, Value(text, "mlops_http_requests_total{endpoint=\"/v2/models/{name}/infer\",status=\"200\"}"));
        Assert.Equal(1, Value(text, "mlops_http_requests_total{endpoint=\"/v2/models/{name}/infer\",status=\"400\"}"));
        Assert.Equal(1, Value(text, "mlops_http_requests_total{endpoint=\"/invocations\",status=\"200\"}"));
        Assert.Equal(4, Value(text, "mlops_http_request_duration_seconds_count{endpoint=\"/v2/models/{name}/infer\"}"));
        Assert.Equal(4, Value(text, "mlops_http_request_duration_seconds_bucket{endpoint=\"/v2/models/{name}/infer\",le=\"+Inf\"}"));
        var classes = sample.Model.Signature.ClassNames;
        var positives = Enumerable.Range(0, 10).Count(row => sample.OfflineOutputs[row * 2 + 1] > sample.OfflineOutputs[row * 2]);
        Assert.Equal(4 * positives, Value(text, $"mlops_predictions_total{{model=\"loans\",class=\"{classes[1]}\"}}"));
        Assert.Equal(4 * (10 - positives), Value(text, $"mlops_predictions_total{{model=\"loans\",class=\"{classes[0]}\"}}"));
    }

    static double Value(string text, string series)
    {
        var match = Regex.Match(text, "^" + Regex.Escape(series) + " (\\S+)$", RegexOptions.Multiline);
        Assert.True(match.Success, $"No series {series} in:\n{text}");
        return double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    public void Dispose() => factory.Dispose();
}
