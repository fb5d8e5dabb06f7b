using System.Buffers;
using System.IO.Pipelines;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace MlopsBuild.Serving.Requests;

/// <summary>A request's body parsed as JSON, read into a pooled buffer no larger than the server's limit.</summary>
public sealed class JsonBody : IDisposable
{
    static readonly JsonDocumentOptions ParseOptions = new() { MaxDepth = 32 };

    readonly byte[] buffer;

    JsonBody(byte[] buffer, JsonDocument document)
    {
        this.buffer = buffer;
        Document = document;
    }

    public JsonDocument Document { get; }

    public JsonElement Root => Document.RootElement;

    /// <exception cref="BadInputException">The body is not JSON, is larger than <paramref name="maxBytes"/>, or is not declared as JSON.</exception>
    public static async Task<JsonBody> ReadAsync(HttpRequest request, long maxBytes, CancellationToken cancellation)
    {
        if (request.ContentType is { } contentType && !contentType.Contains("json", StringComparison.OrdinalIgnoreCase))
            throw BadInputException.UnsupportedMediaType(contentType);
        if (request.ContentLength > maxBytes) throw BadInputException.PayloadTooLarge(maxBytes);
        var (bytes, length) = await ReadAllAsync(request.BodyReader, maxBytes, cancellation);
        try
        {
            return new JsonBody(bytes, JsonDocument.Parse(bytes.AsMemory(0, length), ParseOptions));
        }
        catch (JsonException e)
        {
            ArrayPool<byte>.Shared.Return(bytes);
            throw BadInputException.MalformedJson(
                $"The body is not valid JSON at line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}. NaN and Infinity are not JSON numbers: send null for a missing value.");
        }
    }

    static async Task<(byte[] Bytes, int Length)> ReadAllAsync(PipeReader reader, long maxBytes, CancellationToken cancellation)
    {
        while (true)
        {
            ReadResult result;
            try
            {
                result = await reader.ReadAsync(cancellation);
            }
            catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
            {
                throw BadInputException.PayloadTooLarge(maxBytes);
            }
            var data = result.Buffer;
            if (data.Length > maxBytes)
            {
                reader.AdvanceTo(data.End);
                throw BadInputException.PayloadTooLarge(maxBytes);
            }
            if (result.IsCompleted)
            {
                var bytes = ArrayPool<byte>.Shared.Rent(Math.Max(1, (int)data.Length));
                data.CopyTo(bytes);
                reader.AdvanceTo(data.End);
                return (bytes, (int)data.Length);
            }
            reader.AdvanceTo(data.Start, data.End);
        }
    }

    public void Dispose()
    {
        Document.Dispose();
        ArrayPool<byte>.Shared.Return(buffer);
    }
}
