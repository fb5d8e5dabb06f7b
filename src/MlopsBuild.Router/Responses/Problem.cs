using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace MlopsBuild.Router.Responses;

/// <summary>An RFC 7807 problem-details response: type, title, status, detail, and the offending "field" when there is one.</summary>
static class Problem
{
    public const string ContentType = "application/problem+json";

    /// <summary>Every problem type URI is this followed by the problem's kind ("no-upstream", …).</summary>
    public const string TypePrefix = "urn:mlopsbuild:router:problem:";

    // Quotes in a detail stay readable (\" rather than \u0022): the body is JSON for people and tools, never HTML.
    static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static async Task WriteAsync(HttpContext context, int status, string kind, string title, string detail, string? field = null)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = ContentType;
        using (var writer = new Utf8JsonWriter(context.Response.BodyWriter, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("type", TypePrefix + kind);
            writer.WriteString("title", title);
            writer.WriteNumber("status", status);
            writer.WriteString("detail", detail);
            if (field is not null) writer.WriteString("field", field);
            writer.WriteEndObject();
        }
        await context.Response.BodyWriter.FlushAsync(context.RequestAborted);
    }
}
