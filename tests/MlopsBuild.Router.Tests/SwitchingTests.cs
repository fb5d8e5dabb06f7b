using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using MlopsBuild.Router.Tests.Support;

namespace MlopsBuild.Router.Tests;

/// <summary>
/// Blue/green as a deploy does it: switch, wait until the old slot has nothing in flight, stop it — under constant
/// load, with not one failed request.
/// </summary>
public sealed class SwitchingTests
{
    const int Clients = 12;
    const int Switches = 20;

    [Fact]
    public async Task Switching_back_and_forth_under_load_while_stopping_the_old_slot_fails_no_request()
    {
        await using var blue = await TestUpstream.StartAsync("blue");
        await using var green = await TestUpstream.StartAsync("green");
        await using var router = await RunningRouter.StartAsync("--upstream", blue.Address, "--label", "blue");
        using var client = new HttpClient { BaseAddress = router.Public.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        var failures = new ConcurrentQueue<string>();
        var servedBy = new ConcurrentDictionary<string, int>();
        using var stop = new CancellationTokenSource();

        var load = Enumerable.Range(0, Clients).Select(c => Task.Run(async () =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                var body = $$"""{"client":{{c}},"request":{{i}}}""";
                try
                {
                    using var response = await client.PostAsync("v2/models/loans/infer", new StringContent(body));
                    var answer = await response.Content.ReadAsStringAsync();
                    var label = response.Headers.TryGetValues(RunningRouter.LabelHeader, out var labels) ? labels.Single() : "none";
                    var echo = response.StatusCode == HttpStatusCode.OK ? JsonSerializer.Deserialize<Dictionary<string, string?>>(answer) : null;
                    if (echo is null || echo["body"] != body || echo["name"] != label)
                        failures.Enqueue($"{(int)response.StatusCode} from {label}: {answer}");
                    servedBy.AddOrUpdate(label, 1, (_, n) => n + 1);
                }
                catch (Exception e)
                {
                    failures.Enqueue(e.GetBaseException().Message);
                }
            }
        })).ToList();

        var (active, idle) = (blue, green);
        for (var n = 0; n < Switches; n++)
        {
            // Let requests flow to the active slot before switching away from it.
            await Task.Delay(100);
            await router.SwitchAsync(idle.Address, idle.Name);
            (active, idle) = (idle, active);
            await Poll.UntilAsync(async () => await router.InFlightAsync(idle.Address) == 0, $"{idle.Name}'s requests to finish");
            await idle.StopAsync();
            await idle.StartAsync();
        }
        await Task.Delay(100);
        stop.Cancel();
        await Task.WhenAll(load);

        Assert.Empty(failures);
        Assert.Equal(["blue", "green"], servedBy.Keys.Order());
        Assert.All(servedBy.Values, count => Assert.True(count > Switches, $"only {count} requests to one slot"));
    }

    [Fact]
    public async Task A_request_in_flight_is_counted_on_its_upstream_until_it_completes_even_after_a_switch()
    {
        await using var blue = await TestUpstream.StartAsync("blue");
        await using var green = await TestUpstream.StartAsync("green");
        await using var router = await RunningRouter.StartAsync("--upstream", blue.Address, "--label", "v3");

        var slow = router.Public.GetAsync("slow");
        await blue.SlowArrived.WaitAsync(TimeSpan.FromSeconds(10));
        var held = await router.StatusAsync();
        var switched = await router.SwitchAsync(green.Address, "v4");
        blue.ReleaseSlow();
        using var response = await slow;

        Assert.Equal(new Dictionary<string, long> { [blue.Address] = 1 }, RunningRouter.InFlightOf(held));
        Assert.Equal(new Dictionary<string, long> { [blue.Address] = 1, [green.Address] = 0 }, RunningRouter.InFlightOf(switched));
        Assert.Equal(["v3"], response.Headers.GetValues(RunningRouter.LabelHeader));
        // The count drops once the router has finished the response, which may be just after the client has it.
        await Poll.UntilAsync(async () => RunningRouter.InFlightOf(await router.StatusAsync()).Count == 1, "blue's request to be done");
        Assert.Equal(new Dictionary<string, long> { [green.Address] = 0 }, RunningRouter.InFlightOf(await router.StatusAsync()));
    }
}
