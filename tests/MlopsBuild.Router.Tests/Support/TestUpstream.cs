using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace MlopsBuild.Router.Tests.Support;

/// <summary>
/// A model-server stand-in on a fixed loopback port, which can be stopped and started again on that port.
/// Answers come in two parts, headers then body a moment later.
/// <c>/slow</c> waits for <see cref="ReleaseSlow"/>; any other request is echoed as JSON (name, method, path, query,
/// body, the <c>X-Test</c> header, the declared length); <c>?status=N</c> answers with that status, <c>?claim=L</c> sends its own label header L.
/// </summary>
sealed class TestUpstream(string name) : IAsyncDisposable
{
    public const string NameHeader = "X-Upstream-Name";

    WebApplication? app;
    readonly TaskCompletionSource slowGate = new(TaskCreationOptions.RunContinuationsAsynchronously);
    readonly TaskCompletionSource slowArrived = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string Name { get; } = name;
    public int Port { get; } = FreePort.Next();
    public string Address => $"http://127.0.0.1:{Port}/";
    public bool Running => app is not null;

    /// <summary>Completes when a <c>/slow</c> request has arrived and waits.</summary>
    public Task SlowArrived => slowArrived.Task;

    public static async Task<TestUpstream> StartAsync(string name)
    {
        var upstream = new TestUpstream(name);
        await upstream.StartAsync();
        return upstream;
    }

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(Address);
        var started = builder.Build();
        started.Run(AnswerAsync);
        await started.StartAsync();
        app = started;
    }

    /// <summary>Stops at once, cutting off any request in flight, as a killed container would.</summary>
    public async Task StopAsync()
    {
        if (app is null) return;
        await app.StopAsync(new CancellationToken(canceled: true));
        await app.DisposeAsync();
        app = null;
    }

    public void ReleaseSlow() => slowGate.TrySetResult();

    async Task AnswerAsync(HttpContext context)
    {
        context.Response.Headers[NameHeader] = Name;
        if (context.Request.Path == "/slow")
        {
            slowArrived.TrySetResult();
            await slowGate.Task;
        }
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync();
        if (context.Request.Query.TryGetValue("status", out var status)) context.Response.StatusCode = int.Parse(status!);
        if (context.Request.Query.TryGetValue("claim", out var claimed)) context.Response.Headers[RunningRouter.LabelHeader] = claimed;
        context.Response.ContentType = "application/json";
        // Headers first, the body a little later: a request stays in flight long enough for a careless stop to cut it.
        await context.Response.StartAsync();
        await context.Response.Body.FlushAsync();
        await Task.Delay(5);
        await JsonSerializer.SerializeAsync(context.Response.Body, new Dictionary<string, string?>
        {
            ["name"] = Name,
            ["method"] = context.Request.Method,
            ["path"] = context.Request.Path.Value,
            ["query"] = context.Request.QueryString.Value,
            ["body"] = body,
            ["x-test"] = context.Request.Headers["X-Test"].ToString(),
            ["content-length"] = context.Request.ContentLength?.ToString(),
        });
    }

    public async ValueTask DisposeAsync()
    {
        ReleaseSlow();
        await StopAsync();
    }
}
