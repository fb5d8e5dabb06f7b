using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using MlopsBuild.Serving.Models;
using MlopsBuild.Serving.Monitoring;
using MlopsBuild.Serving.Requests;
using MlopsBuild.Serving.Responses;

namespace MlopsBuild.Serving.Endpoints;

/// <summary>
/// Every route the server answers: Open Inference Protocol v2 (health, server and model metadata, infer), MLflow's
/// <c>/ping</c> and <c>/invocations</c>, and Prometheus <c>/metrics</c>. Handlers are plain request delegates (no
/// reflection-based binding), so the app trims.
/// </summary>
public static class ServingEndpoints
{
    public static void Map(WebApplication app, ServingModel model, ServerSettings settings, PredictionLog? predictionLog)
    {
        var metrics = new ServerMetrics(model, predictionLog);
        var handlers = new PredictionHandlers(model, settings.MaxBodyBytes, metrics, predictionLog);
        var metadata = ModelMetadata.Of(model);
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("MlopsBuild.Serving");
        app.Use((context, next) => CountAndGuardAsync(context, next, metrics, logger));

        // The model is loaded before the server listens, so whenever it answers it is ready.
        app.MapGet("/v2/health/live", context => WriteText(context, "application/json", "{\"live\":true}"));
        app.MapGet("/v2/health/ready", context => WriteText(context, "application/json", "{\"ready\":true}"));
        app.MapGet("/v2", context => JsonSerializer.SerializeAsync(context.Response.Body,
            new ServerMetadata("mlopsbuild-serving", typeof(ServingEndpoints).Assembly.GetName().Version?.ToString() ?? "0", []),
            ServingJsonContext.Default.ServerMetadata, context.RequestAborted));
        app.MapGet("/v2/models/{name}", context => handlers.MetadataAsync(context, metadata));
        app.MapGet("/v2/models/{name}/ready", context => (string)context.Request.RouteValues["name"]! == model.Name
            ? WriteText(context, "application/json", "{\"ready\":true}")
            : ProblemResponse.WriteAsync(context, BadInputException.ModelNotFound((string)context.Request.RouteValues["name"]!, model.Name)));
        app.MapPost("/v2/models/{name}/infer", handlers.InferAsync);

        app.MapGet("/ping", context => WriteText(context, "application/json", "\n"));
        app.MapPost("/invocations", handlers.InvocationsAsync);

        app.MapGet("/metrics", context => WriteText(context, "text/plain; version=0.0.4; charset=utf-8", metrics.Render()));
    }

    /// <summary>
    /// Counts every request by route pattern and status, and turns an unexpected exception into a 500 problem (logged)
    /// instead of a dropped connection.
    /// </summary>
    static async Task CountAndGuardAsync(HttpContext context, Func<Task> next, ServerMetrics metrics, ILogger logger)
    {
        var start = Stopwatch.GetTimestamp();
        try
        {
            await next();
        }
        catch (Exception e) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            logger.LogError(e, "{Method} {Path} failed", context.Request.Method, context.Request.Path);
            await ProblemResponse.WriteAsync(context, new BadInputException(500, "internal-error", "The server failed",
                "The server failed to answer this request; the error is in its log. Please report it."));
        }
        finally
        {
            var endpoint = context.GetEndpoint() is RouteEndpoint route ? route.RoutePattern.RawText ?? "" : "unmatched";
            metrics.RecordRequest(endpoint, context.Response.StatusCode, Stopwatch.GetTimestamp() - start);
        }
    }

    static Task WriteText(HttpContext context, string contentType, string text)
    {
        context.Response.ContentType = contentType;
        return context.Response.WriteAsync(text, context.RequestAborted);
    }
}
