using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using MlopsBuild.Router.Upstreams;

namespace MlopsBuild.Router.Monitoring;

/// <summary>
/// The router's Prometheus metrics (<c>GET /metrics</c> on the admin port): requests forwarded by upstream label,
/// failures by kind, retries, switches, and requests in flight by upstream. Counting is lock-free.
/// </summary>
sealed class RouterMetrics
{
    readonly ConcurrentDictionary<string, StrongBox<long>> forwarded = new(StringComparer.Ordinal);
    readonly ConcurrentDictionary<string, StrongBox<long>> failures = new(StringComparer.Ordinal);
    long retries;
    long switches;

    /// <summary>A response came back from the upstream (whatever its status).</summary>
    public void Forwarded(string? label) => Increment(forwarded, label ?? "");

    /// <param name="kind">One of <see cref="FailureKind"/>'s values.</param>
    public void Failed(string kind) => Increment(failures, kind);

    public void Retried() => Interlocked.Increment(ref retries);

    public void Switched() => Interlocked.Increment(ref switches);

    public string Render(UpstreamSwitch upstreams)
    {
        var text = new StringBuilder();
        text.Append("# HELP mlops_router_requests_forwarded_total Requests answered by an upstream, by the upstream's label.\n# TYPE mlops_router_requests_forwarded_total counter\n");
        foreach (var (label, count) in Sorted(forwarded))
            text.Append(CultureInfo.InvariantCulture, $"mlops_router_requests_forwarded_total{{label=\"{Escape(label)}\"}} {count}\n");
        text.Append("# HELP mlops_router_request_failures_total Requests the router could not forward, by kind.\n# TYPE mlops_router_request_failures_total counter\n");
        foreach (var (kind, count) in Sorted(failures))
            text.Append(CultureInfo.InvariantCulture, $"mlops_router_request_failures_total{{kind=\"{kind}\"}} {count}\n");
        text.Append("# HELP mlops_router_retries_total Attempts sent again because the upstream could not be reached.\n# TYPE mlops_router_retries_total counter\n");
        text.Append(CultureInfo.InvariantCulture, $"mlops_router_retries_total {Volatile.Read(ref retries)}\n");
        text.Append("# HELP mlops_router_switches_total Upstream switches through the admin API.\n# TYPE mlops_router_switches_total counter\n");
        text.Append(CultureInfo.InvariantCulture, $"mlops_router_switches_total {Volatile.Read(ref switches)}\n");
        text.Append("# HELP mlops_router_in_flight Requests in flight, by upstream address.\n# TYPE mlops_router_in_flight gauge\n");
        foreach (var (address, count) in upstreams.InFlight())
            text.Append(CultureInfo.InvariantCulture, $"mlops_router_in_flight{{upstream=\"{Escape(address)}\"}} {count}\n");
        return text.ToString();
    }

    static void Increment(ConcurrentDictionary<string, StrongBox<long>> counters, string key) =>
        Interlocked.Increment(ref counters.GetOrAdd(key, static _ => new StrongBox<long>()).Value);

    static IEnumerable<(string Key, long Count)> Sorted(ConcurrentDictionary<string, StrongBox<long>> counters) =>
        counters.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => (pair.Key, Volatile.Read(ref pair.Value.Value)));

    static string Escape(string value) => value.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("\n", "\\n");
}
