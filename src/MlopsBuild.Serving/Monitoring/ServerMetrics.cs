using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using MlopsBuild.Serving.Models;

namespace MlopsBuild.Serving.Monitoring;

/// <summary>
/// The server's Prometheus metrics (<c>GET /metrics</c>): requests by endpoint and status, a latency histogram per
/// endpoint, predictions by predicted class, and the prediction log's written and dropped lines. Counting is lock-free.
/// </summary>
public sealed class ServerMetrics(ServingModel model, PredictionLog? predictionLog)
{
    readonly ConcurrentDictionary<(string Endpoint, int Status), StrongBox<long>> requests = new();
    readonly ConcurrentDictionary<string, LatencyHistogram> latency = new(StringComparer.Ordinal);
    readonly long[] predictions = new long[Math.Max(1, model.IsClassifier ? model.ClassNames.Count : 1)];

    /// <param name="endpoint">The route's pattern ("/v2/models/{name}/infer"), so the label set stays small.</param>
    public void RecordRequest(string endpoint, int status, long elapsedTicks)
    {
        Interlocked.Increment(ref requests.GetOrAdd((endpoint, status), static _ => new StrongBox<long>()).Value);
        latency.GetOrAdd(endpoint, static _ => new LatencyHistogram()).Observe(elapsedTicks);
    }

    public void RecordPredictions(ScoredRows rows)
    {
        if (!model.IsClassifier)
        {
            Interlocked.Add(ref predictions[0], rows.RowCount);
            return;
        }
        for (var row = 0; row < rows.RowCount; row++) Interlocked.Increment(ref predictions[rows.PredictedClass(row)]);
    }

    public string Render()
    {
        var text = new StringBuilder();
        text.Append("# HELP mlops_http_requests_total Requests answered, by endpoint and status.\n# TYPE mlops_http_requests_total counter\n");
        foreach (var ((endpoint, status), count) in requests.OrderBy(r => r.Key.Endpoint, StringComparer.Ordinal).ThenBy(r => r.Key.Status))
            text.Append(CultureInfo.InvariantCulture, $"mlops_http_requests_total{{endpoint=\"{Escape(endpoint)}\",status=\"{status}\"}} {Volatile.Read(ref count.Value)}\n");
        text.Append("# HELP mlops_http_request_duration_seconds Time from request to response, by endpoint.\n# TYPE mlops_http_request_duration_seconds histogram\n");
        foreach (var (endpoint, histogram) in latency.OrderBy(h => h.Key, StringComparer.Ordinal))
            histogram.Render(text, "mlops_http_request_duration_seconds", $"endpoint=\"{Escape(endpoint)}\"");
        text.Append("# HELP mlops_predictions_total Rows predicted, by predicted class (classifiers).\n# TYPE mlops_predictions_total counter\n");
        if (model.IsClassifier)
            for (var k = 0; k < predictions.Length; k++)
                text.Append(CultureInfo.InvariantCulture, $"mlops_predictions_total{{model=\"{Escape(model.Name)}\",class=\"{Escape(model.ClassNames[k])}\"}} {Volatile.Read(ref predictions[k])}\n");
        else
            text.Append(CultureInfo.InvariantCulture, $"mlops_predictions_total{{model=\"{Escape(model.Name)}\"}} {Volatile.Read(ref predictions[0])}\n");
        text.Append("# HELP mlops_prediction_log_lines_total Prediction-log lines, by outcome (dropped: the log's queue was full).\n# TYPE mlops_prediction_log_lines_total counter\n");
        text.Append(CultureInfo.InvariantCulture, $"mlops_prediction_log_lines_total{{outcome=\"written\"}} {predictionLog?.Written ?? 0}\n");
        text.Append(CultureInfo.InvariantCulture, $"mlops_prediction_log_lines_total{{outcome=\"dropped\"}} {predictionLog?.Dropped ?? 0}\n");
        return text.ToString();
    }

    static string Escape(string value) => value.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("\n", "\\n");
}
