using System.Buffers;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using MlopsBuild.Core.Text;

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
        var (bytes, length) = await ReadAllAsync(request.Body, request.ContentLength, maxBytes, cancellation);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes.AsMemory(0, length), ParseOptions);
        }
        catch (JsonException e)
        {
            ArrayPool<byte>.Shared.Return(bytes);
            throw BadInputException.MalformedJson(
                $"The body is not valid JSON at line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}. NaN and Infinity are not JSON numbers: send null for a missing value.");
        }
        var body = new JsonBody(bytes, document);
        try
        {
            if (JsonTextCheck.Problem(bytes.AsSpan(0, length)) is { } problem)
                throw BadInputException.MalformedJson($"The body is not valid JSON text: {problem}. Send UTF-8, and escape a character beyond U+FFFF as a pair (\\uD83D\\uDE00) or send it as it is.");
            return body;
        }
        catch
        {
            body.Dispose();
            throw;
        }
    }

    /// <summary>Reads to the end into one pooled array, growing it as needed, and stops as soon as the limit is passed.</summary>
    static async Task<(byte[] Bytes, int Length)> ReadAllAsync(Stream body, long? contentLength, long maxBytes, CancellationToken cancellation)
    {
        var bytes = ArrayPool<byte>.Shared.Rent((int)Math.Clamp(contentLength ?? 4096, 1, maxBytes + 1));
        var length = 0;
        try
        {
            while (true)
            {
                if (length == bytes.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min((long)bytes.Length * 2, maxBytes + 1));
                    bytes.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(bytes);
                    bytes = larger;
                }
                int read;
                try
                {
                    read = await body.ReadAsync(bytes.AsMemory(length), cancellation);
                }
                catch (BadHttpRequestException e)
                {
                    throw BadInputException.MalformedJson($"The body could not be read: {e.Message}");
                }
                if (read == 0) return (bytes, length);
                length += read;
                if (length > maxBytes) throw BadInputException.PayloadTooLarge(maxBytes);
            }
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(bytes);
            throw;
        }
    }

    public void Dispose()
    {
        Document.Dispose();
        ArrayPool<byte>.Shared.Return(buffer);
    }
}
