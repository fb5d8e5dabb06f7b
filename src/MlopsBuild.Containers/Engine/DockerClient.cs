using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;

namespace MlopsBuild.Containers.Engine;

/// <summary>
/// A client of the Docker Engine API over a unix socket or TCP. The API version is negotiated on first use:
/// the newer of the two sides steps down to the older (GET /version), and every request goes to /v1.xx/….
/// A missing or stopped engine surfaces as one <see cref="DockerUnavailableException"/>.
/// Operations live in partial files by resource: images (DockerClient.Images.cs), containers (DockerClient.Containers.cs).
/// </summary>
public sealed partial class DockerClient : IDisposable
{
    /// <summary>The newest API this client speaks (Docker 27). Engines that refuse it (minimum above it) are refused here.</summary>
    public static readonly Version NewestApiVersion = new(1, 47);

    readonly HttpClient http;
    Version? apiVersion;

    public DockerClient(DockerEndpoint endpoint)
    {
        Endpoint = endpoint;
        // No client-side timeout: builds, pushes and waits take as long as they take; callers cancel with their token.
        http = new HttpClient(DockerHttpHandler.Create(endpoint)) { BaseAddress = endpoint.BaseAddress, Timeout = Timeout.InfiniteTimeSpan };
    }

    /// <summary>A client for DOCKER_HOST, or the default socket when it is unset.</summary>
    public static DockerClient FromEnvironment() => new(DockerEndpoint.FromEnvironment());

    public DockerEndpoint Endpoint { get; }

    /// <summary>Succeeds when the engine answers; throws <see cref="DockerUnavailableException"/> otherwise.</summary>
    public async Task PingAsync(CancellationToken cancellationToken = default)
    {
        using var response = await SendUnversionedAsync(HttpMethod.Get, "_ping", cancellationToken);
        await DockerResponses.EnsureSuccessAsync(response, "answer a ping", cancellationToken);
    }

    public async Task<DockerVersion> VersionAsync(CancellationToken cancellationToken = default)
    {
        using var response = await SendUnversionedAsync(HttpMethod.Get, "version", cancellationToken);
        await DockerResponses.EnsureSuccessAsync(response, "report its version", cancellationToken);
        using var json = await DockerResponses.ReadJsonAsync(response, cancellationToken);
        var root = json.RootElement;
        return new DockerVersion(
            root.GetProperty("Version").GetString()!,
            root.GetProperty("ApiVersion").GetString()!,
            root.TryGetProperty("MinAPIVersion", out var min) ? min.GetString()! : root.GetProperty("ApiVersion").GetString()!,
            root.GetProperty("Os").GetString()!,
            root.GetProperty("Arch").GetString()!);
    }

    /// <summary>The API version requests use: the older of <see cref="NewestApiVersion"/> and the engine's.</summary>
    public async Task<Version> NegotiateApiVersionAsync(CancellationToken cancellationToken = default)
    {
        if (apiVersion is { } known) return known;
        var engine = await VersionAsync(cancellationToken);
        var engineNewest = Version.Parse(engine.ApiVersion);
        var engineOldest = Version.Parse(engine.MinApiVersion);
        if (engineOldest > NewestApiVersion)
            throw new DockerException(
                $"The Docker engine at {Endpoint.Host} (version {engine.Version}) speaks API {engineOldest} to {engineNewest}, " +
                $"and this client at most {NewestApiVersion}: use an older engine or a newer MlopsBuild.");
        return apiVersion = engineNewest < NewestApiVersion ? engineNewest : NewestApiVersion;
    }

    public void Dispose() => http.Dispose();

    /// <summary>Sends to the negotiated /v1.xx/ prefix.</summary>
    internal async Task<HttpResponseMessage> SendAsync(
        HttpMethod method,
        string pathAndQuery,
        CancellationToken cancellationToken,
        HttpContent? content = null,
        HttpCompletionOption completion = HttpCompletionOption.ResponseContentRead,
        IReadOnlyDictionary<string, string>? headers = null)
    {
        var version = await NegotiateApiVersionAsync(cancellationToken);
        return await SendUnversionedAsync(method, $"v{version.Major}.{version.Minor}/{pathAndQuery}", cancellationToken, content, completion, headers);
    }

    internal static JsonContent Json(object body) => JsonContent.Create(body, options: DockerResponses.JsonOptions);

    async Task<HttpResponseMessage> SendUnversionedAsync(
        HttpMethod method,
        string pathAndQuery,
        CancellationToken cancellationToken,
        HttpContent? content = null,
        HttpCompletionOption completion = HttpCompletionOption.ResponseContentRead,
        IReadOnlyDictionary<string, string>? headers = null)
    {
        using var request = new HttpRequestMessage(method, pathAndQuery) { Content = content };
        foreach (var (name, value) in headers ?? new Dictionary<string, string>()) request.Headers.Add(name, value);
        try
        {
            return await http.SendAsync(request, completion, cancellationToken);
        }
        catch (HttpRequestException exception) when (IsConnectFailure(exception))
        {
            throw new DockerUnavailableException(Endpoint, exception.InnerException ?? exception);
        }
    }

    static bool IsConnectFailure(HttpRequestException exception) =>
        exception.HttpRequestError == HttpRequestError.ConnectionError || exception.InnerException is SocketException;

    /// <summary>True for the statuses an idempotent cleanup may ignore: already gone (404) or already done (304).</summary>
    internal static bool IsAlreadyDone(HttpResponseMessage response) =>
        response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.NotModified;
}
