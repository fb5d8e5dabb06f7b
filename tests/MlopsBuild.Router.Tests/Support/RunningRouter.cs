using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;

namespace MlopsBuild.Router.Tests.Support;

/// <summary>The router in-process, started by its real start-up code on free loopback ports, with clients for both ports.</summary>
sealed class RunningRouter : IAsyncDisposable
{
    public const string LabelHeader = "X-Mlops-Upstream-Label";

    readonly WebApplication app;

    RunningRouter(WebApplication app, RouterSettings settings)
    {
        this.app = app;
        Settings = settings;
        Public = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{settings.Port}/"), Timeout = TimeSpan.FromSeconds(30) };
        Admin = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{settings.AdminPort}/"), Timeout = TimeSpan.FromSeconds(30) };
    }

    public RouterSettings Settings { get; }
    public HttpClient Public { get; }
    public HttpClient Admin { get; }

    /// <param name="args">Extra command-line options (--upstream, --label, --state); the ports are chosen here.</param>
    public static async Task<RunningRouter> StartAsync(params string[] args)
    {
        var settings = RouterSettings.Read(["--port", FreePort.Next().ToString(), "--admin-port", FreePort.Next().ToString(), .. args]);
        var app = RouterProgram.Create(settings);
        await app.StartAsync();
        return new RunningRouter(app, settings);
    }

    /// <summary>GET /upstream, parsed.</summary>
    public async Task<JsonElement> StatusAsync()
    {
        using var response = await Admin.GetAsync("upstream");
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>PUT /upstream; the router must accept it.</summary>
    public async Task<JsonElement> SwitchAsync(string upstream, string? label)
    {
        using var response = await Admin.PutAsJsonAsync("upstream", new { upstream, label });
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>Requests in flight to <paramref name="address"/> as GET /upstream shows them; 0 when it is not listed.</summary>
    public async Task<long> InFlightAsync(string address) => InFlightOf(await StatusAsync()).GetValueOrDefault(address);

    /// <summary>The "inFlight" object of a GET or PUT /upstream answer.</summary>
    public static Dictionary<string, long> InFlightOf(JsonElement status) =>
        status.GetProperty("inFlight").EnumerateObject().ToDictionary(entry => entry.Name, entry => entry.Value.GetInt64());

    public async ValueTask DisposeAsync()
    {
        Public.Dispose();
        Admin.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
