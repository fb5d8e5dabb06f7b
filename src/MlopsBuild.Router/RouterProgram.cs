using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MlopsBuild.Router.Admin;
using MlopsBuild.Router.Forwarding;
using MlopsBuild.Router.Monitoring;
using MlopsBuild.Router.State;
using MlopsBuild.Router.Upstreams;
using Yarp.ReverseProxy.Forwarder;

namespace MlopsBuild.Router;

/// <summary>
/// Starts the router: reads the settings and the state file (a bad one is one line on stderr and exit code 2), listens
/// on the public and the admin port, and serves until SIGTERM, when Kestrel lets requests in flight finish (up to the
/// host's 30 s shutdown timeout: give <c>docker stop</c> at least that).
/// </summary>
public static class RouterProgram
{
    public const int StartupFailed = 2;

    public static async Task<int> RunAsync(string[] args)
    {
        WebApplication app;
        try
        {
            app = Create(RouterSettings.Read(args));
        }
        catch (StartupException e)
        {
            return Fail(e.Message);
        }
        await using (app)
        {
            try
            {
                await app.StartAsync();
            }
            catch (IOException e)
            {
                return Fail($"{e.Message} Give --port and --admin-port that no other process listens on.");
            }
            await app.WaitForShutdownAsync();
        }
        return 0;
    }

    /// <summary>The router, ready to start: in-process tests start and stop it themselves.</summary>
    /// <exception cref="StartupException">The state file cannot be read, or the start-up upstream cannot be saved to it.</exception>
    public static WebApplication Create(RouterSettings settings)
    {
        var stateFile = settings.StatePath is { } path ? new StateFile(path) : null;
        var initial = InitialUpstream(settings, stateFile);

        var builder = WebApplication.CreateSlimBuilder();
        // Per-request information logs would cost more than forwarding; lifetime messages ("Now listening on") stay.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        // YARP logs each failed attempt with a stack trace; the forwarding handler logs one line per failed request.
        builder.Logging.AddFilter("Yarp", LogLevel.Error);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            // A transparent proxy: the upstream decides how large a body it takes.
            kestrel.Limits.MaxRequestBodySize = null;
            Listen(kestrel, settings.Host, settings.Port);
            Listen(kestrel, settings.Host, settings.AdminPort);
        });
        builder.Services.AddHttpForwarder();
        var app = builder.Build();

        var logger = app.Logger;
        var upstreams = new UpstreamSwitch();
        if (initial is not null)
        {
            upstreams.SwitchTo(initial);
            logger.LogInformation("Forwarding to {Upstream} ({Label}) since {Since}", initial.AddressText, initial.Label ?? "no label", initial.SinceText);
        }
        else
        {
            logger.LogInformation("No upstream yet: requests get 503 until PUT /upstream on port {AdminPort}", settings.AdminPort);
        }

        var metrics = new RouterMetrics();
        var client = UpstreamClient.Create();
        app.Lifetime.ApplicationStopped.Register(client.Dispose);
        var forwarding = new ForwardingHandler(upstreams, app.Services.GetRequiredService<IHttpForwarder>(), client, metrics, logger);
        var admin = new AdminHandler(upstreams, new Switchover(upstreams, stateFile, metrics, TimeProvider.System, logger), metrics);
        app.MapWhen(context => context.Connection.LocalPort == settings.AdminPort, branch => branch.Run(admin.HandleAsync));
        app.Run(forwarding.HandleAsync);
        return app;
    }

    /// <summary>The saved state when there is one (a restart must not go back to an older upstream), else the settings'.</summary>
    static UpstreamState? InitialUpstream(RouterSettings settings, StateFile? stateFile)
    {
        if (stateFile?.Read() is { } saved) return saved;
        if (settings.Upstream is not { } address) return null;
        var initial = new UpstreamState(address, settings.Label, TimeProvider.System.GetUtcNow());
        try
        {
            stateFile?.Write(initial);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new StartupException($"The state file {stateFile!.Path} cannot be written: {e.Message} Give --state a path in a folder the router can write.");
        }
        return initial;
    }

    static void Listen(KestrelServerOptions kestrel, string host, int port)
    {
        if (host == "localhost") kestrel.ListenLocalhost(port);
        else kestrel.Listen(IPAddress.Parse(host), port);
    }

    static int Fail(string message)
    {
        Console.Error.WriteLine($"mlops-router: {message}");
        return StartupFailed;
    }
}
