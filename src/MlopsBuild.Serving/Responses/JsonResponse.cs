using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace MlopsBuild.Serving.Responses;

/// <summary>Writes a JSON response straight into the response's pipe (no intermediate string).</summary>
public static class JsonResponse
{
    static readonly JsonWriterOptions WriterOptions = new() { SkipValidation = true };

    public static async Task WriteAsync<TState>(HttpContext context, int status, string contentType, TState state, Action<Utf8JsonWriter, TState> write)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        using (var writer = new Utf8JsonWriter(context.Response.BodyWriter, WriterOptions))
            write(writer, state);
        await context.Response.BodyWriter.FlushAsync(context.RequestAborted);
    }
}
