using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace MlopsBuild.Testing.Serving;

/// <summary>
/// Clients that keep asking an environment for predictions while it changes: every answer other than 200, and every
/// connection error, is a failure. Which version answered is read from the label header the router adds.
/// </summary>
public sealed class ClientLoop : IAsyncDisposable
{
    readonly CancellationTokenSource stop = new();
    readonly Task[] workers;
    readonly ConcurrentBag<string> failures = [];
    readonly ConcurrentDictionary<string, int> answeredBy = new();
    long succeeded;

    public ClientLoop(Uri address, JsonObject record, string labelHeader, int clients = 4)
    {
        workers = Enumerable.Range(0, clients).Select(_ => Task.Run(() => RunAsync(address, record, labelHeader))).ToArray();
    }

    public long Succeeded => Interlocked.Read(ref succeeded);
    public IReadOnlyCollection<string> Failures => failures;
    public IReadOnlyDictionary<string, int> AnsweredBy => answeredBy;

    async Task RunAsync(Uri address, JsonObject record, string labelHeader)
    {
        using var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(10) };
        var body = new JsonObject { ["dataframe_records"] = new JsonArray(record.DeepClone()) };
        while (!stop.IsCancellationRequested)
        {
            try
            {
                using var response = await http.PostAsync("invocations", JsonContent.Create(body), stop.Token);
                if (response.IsSuccessStatusCode)
                {
                    Interlocked.Increment(ref succeeded);
                    var label = response.Headers.TryGetValues(labelHeader, out var values) ? values.First() : "(none)";
                    answeredBy.AddOrUpdate(label, 1, (_, n) => n + 1);
                }
                else failures.Add($"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                failures.Add(e.GetType().Name + ": " + e.Message);
            }
        }
    }

    /// <summary>Stops the clients after their current request; the counts are final once this returns.</summary>
    public async Task StopAsync()
    {
        if (!stop.IsCancellationRequested) await stop.CancelAsync();
        await Task.WhenAll(workers);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        stop.Dispose();
    }
}
