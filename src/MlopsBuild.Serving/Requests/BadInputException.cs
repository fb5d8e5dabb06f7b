namespace MlopsBuild.Serving.Requests;

/// <summary>
/// A request the server refuses: becomes an RFC 7807 problem-details response with <see cref="Status"/>, naming the
/// offending <see cref="Field"/> (and <see cref="Row"/>, for a value) so that the client can fix it.
/// </summary>
public sealed class BadInputException(int status, string kind, string title, string detail, string? field = null, int? row = null)
    : Exception(detail)
{
    public int Status { get; } = status;

    /// <summary>The problem's kind, the last part of its type URI: "wrong-type", "missing-input", …</summary>
    public string Kind { get; } = kind;

    public string Title { get; } = title;

    public string? Field { get; } = field;

    public int? Row { get; } = row;

    public static BadInputException MalformedJson(string detail) =>
        new(400, "malformed-json", "The body is not valid JSON", detail, "body");

    public static BadInputException Form(string detail, string field) =>
        new(400, "bad-request-form", "The request does not have the expected form", detail, field);

    public static BadInputException WrongType(string detail, string field, int? row = null) =>
        new(400, "wrong-type", "A value has the wrong type", detail, field, row);

    public static BadInputException NotFinite(string detail, string field, int row) =>
        new(400, "not-finite", "A number is not finite", detail, field, row);

    public static BadInputException MissingInput(string detail, string field, int? row = null) =>
        new(400, "missing-input", "An input the model needs is missing", detail, field, row);

    public static BadInputException UnknownInput(string detail, string field, int? row = null) =>
        new(400, "unknown-input", "The model has no such input", detail, field, row);

    public static BadInputException WrongShape(string detail, string field) =>
        new(400, "wrong-shape", "A tensor has the wrong shape", detail, field);

    public static BadInputException PayloadTooLarge(long limit) =>
        new(413, "payload-too-large", "The body is too large",
            $"The body is larger than the server's limit of {limit} bytes. Send fewer rows per request, or raise --max-body-bytes.", "body");

    public static BadInputException UnsupportedMediaType(string contentType) =>
        new(415, "unsupported-media-type", "The body is not JSON",
            $"Content-Type '{contentType}' is not supported: send application/json.", "Content-Type");

    public static BadInputException ModelNotFound(string requested, string served) =>
        new(404, "model-not-found", "No such model",
            $"This server serves the model '{served}', not '{requested}'.", "name");
}
