using Microsoft.AspNetCore.Http;
using MlopsBuild.Serving.Requests;

namespace MlopsBuild.Serving.Responses;

/// <summary>
/// An RFC 7807 problem-details body: type, title, status, detail, plus the offending "field" and "row" when known.
/// </summary>
public static class ProblemResponse
{
    public const string ContentType = "application/problem+json";

    /// <summary>Every problem type URI is this followed by the problem's kind ("wrong-type", …).</summary>
    public const string TypePrefix = "urn:mlopsbuild:serving:problem:";

    public static Task WriteAsync(HttpContext context, BadInputException problem) =>
        JsonResponse.WriteAsync(context, problem.Status, ContentType, problem, static (writer, p) =>
        {
            writer.WriteStartObject();
            writer.WriteString("type", TypePrefix + p.Kind);
            writer.WriteString("title", p.Title);
            writer.WriteNumber("status", p.Status);
            writer.WriteString("detail", p.Message);
            if (p.Field is { } field) writer.WriteString("field", field);
            if (p.Row is { } row) writer.WriteNumber("row", row);
            writer.WriteEndObject();
        });
}
