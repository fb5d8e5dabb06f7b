using System.Text.Json;
using Microsoft.AspNetCore.Http;
using MlopsBuild.Router.Monitoring;
using MlopsBuild.Router.Responses;
using MlopsBuild.Router.Upstreams;

namespace MlopsBuild.Router.Admin;

/// <summary>
/// The admin listener: <c>GET /upstream</c> (the current upstream and the requests in flight), <c>PUT /upstream</c>
/// (switch), <c>GET /health</c>, <c>GET /metrics</c>. Four routes, dispatched by hand: nothing to trim or reflect on.
/// </summary>
sealed class AdminHandler(UpstreamSwitch upstreams, Switchover switchover, RouterMetrics metrics)
{
    public Task HandleAsync(HttpContext context) => (context.Request.Path.Value, context.Request.Method) switch
    {
        ("/upstream", "GET") => WriteStatusAsync(context),
        ("/upstream", "PUT") => SwitchAsync(context),
        ("/upstream", _) => MethodNotAllowedAsync(context, "GET, PUT"),
        ("/health", "GET") => WriteTextAsync(context, "text/plain; charset=utf-8", "ok"),
        ("/metrics", "GET") => WriteTextAsync(context, "text/plain; version=0.0.4; charset=utf-8", metrics.Render(upstreams)),
        ("/health" or "/metrics", _) => MethodNotAllowedAsync(context, "GET"),
        _ => Problem.WriteAsync(context, StatusCodes.Status404NotFound, "not-found", "No such admin route",
            $"The admin port has GET|PUT /upstream, GET /health and GET /metrics, not {context.Request.Method} {context.Request.Path}."),
    };

    async Task SwitchAsync(HttpContext context)
    {
        SwitchRequest request;
        try
        {
            request = SwitchRequest.Parse(await ReadBodyAsync(context));
        }
        catch (BadRequestException e)
        {
            await Problem.WriteAsync(context, StatusCodes.Status400BadRequest, "bad-switch", "The switch request is not valid", e.Message, e.Field);
            return;
        }
        try
        {
            switchover.SwitchTo(request.Address, request.Label);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await Problem.WriteAsync(context, StatusCodes.Status500InternalServerError, "state-not-saved", "The switch could not be saved",
                $"The state file could not be written ({e.Message}), so the router still forwards to {upstreams.Current?.AddressText ?? "nothing"}. Fix the state file's folder, then switch again.");
            return;
        }
        await WriteStatusAsync(context);
    }

    /// <exception cref="BadRequestException">The body is larger than <see cref="SwitchRequest.MaxBytes"/>.</exception>
    static async Task<ReadOnlyMemory<byte>> ReadBodyAsync(HttpContext context)
    {
        var buffer = new byte[SwitchRequest.MaxBytes + 1];
        var length = 0;
        int read;
        while (length < buffer.Length && (read = await context.Request.Body.ReadAsync(buffer.AsMemory(length), context.RequestAborted)) > 0)
            length += read;
        if (length > SwitchRequest.MaxBytes)
            throw new BadRequestException(null, $"The body is larger than {SwitchRequest.MaxBytes} bytes; a switch request is a small JSON object.");
        return buffer.AsMemory(0, length);
    }

    async Task WriteStatusAsync(HttpContext context)
    {
        context.Response.ContentType = "application/json";
        using (var writer = new Utf8JsonWriter(context.Response.BodyWriter))
            StatusJson.Write(writer, upstreams);
        await context.Response.BodyWriter.FlushAsync(context.RequestAborted);
    }

    static Task MethodNotAllowedAsync(HttpContext context, string allowed)
    {
        context.Response.Headers.Allow = allowed;
        return Problem.WriteAsync(context, StatusCodes.Status405MethodNotAllowed, "method-not-allowed", "Method not allowed",
            $"{context.Request.Path} answers {allowed}, not {context.Request.Method}.");
    }

    static Task WriteTextAsync(HttpContext context, string contentType, string text)
    {
        context.Response.ContentType = contentType;
        return context.Response.WriteAsync(text, context.RequestAborted);
    }
}
