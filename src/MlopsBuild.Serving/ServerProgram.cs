using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using MlopsBuild.Learning.Persistence;
using MlopsBuild.Serving.Endpoints;
using MlopsBuild.Serving.Models;
using MlopsBuild.Serving.Monitoring;

namespace MlopsBuild.Serving;

/// <summary>
/// Starts the server: reads the settings, loads the model (a bad file is one message on stderr and exit code 2), maps
/// the endpoints and serves until stopped.
/// </summary>
public static class ServerProgram
{
    public const int StartupFailed = 2;

    public static async Task<int> RunAsync(string[] args)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        builder.Configuration.AddEnvironmentVariables("MLOPS_");
        builder.Configuration.AddCommandLine(args, ServerSettings.SwitchMappings);
        // Per-request information logs would cost more than scoring; lifetime messages ("Now listening on") stay.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        // The handlers enforce the configured body limit themselves (with a problem response), in-process tests too.
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = null);
        try
        {
            if (ServerSettings.ListenUrl(builder.Configuration) is { } url) builder.WebHost.UseUrls(url);
        }
        catch (StartupException e)
        {
            return Fail(e.Message);
        }

        var app = builder.Build();
        ServerSettings settings;
        ServingModel model;
        try
        {
            // Read after Build: hosts that configure the app from outside (tests) only show their settings here.
            settings = ServerSettings.From(app.Configuration);
            model = ServingModel.Load(settings.ModelPath, settings.ModelName);
        }
        catch (Exception e) when (e is StartupException or ModelFormatException)
        {
            return Fail(e.Message);
        }

        var predictionLog = settings.PredictionLogPath is { } path
            ? new PredictionLog(path, settings.PredictionLogSampleRate, settings.PredictionLogMaxBytes)
            : null;
        // Once requests have stopped, write what is queued (bounded, so that a stuck disk cannot hang shutdown).
        if (predictionLog is not null)
            app.Lifetime.ApplicationStopped.Register(() => predictionLog.DisposeAsync().AsTask().Wait(TimeSpan.FromSeconds(10)));
        ServingEndpoints.Map(app, model, settings, predictionLog);
        app.Logger.LogInformation("Serving model '{Name}' version {Version} from {Path}", model.Name, model.Version, settings.ModelPath);
        await app.RunAsync();
        return 0;
    }

    static int Fail(string message)
    {
        Console.Error.WriteLine($"mlops-serve: {message}");
        return StartupFailed;
    }
}
