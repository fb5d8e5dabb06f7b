using System.Net;
using System.Net.Sockets;

namespace MlopsBuild.Containers.Distribution;

/// <summary>
/// A client of one OCI registry host (the distribution spec's HTTP API, /v2/…), signed in with optional credentials:
/// manifest lookups and copies of images by digest between repositories. A registry that does not answer surfaces as one
/// <see cref="OciRegistryUnavailableException"/>; every refusal as a <see cref="OciRegistryException"/> that says what to do.
/// Operations live in partial files: manifests (OciRegistryClient.Manifests.cs), blobs (OciRegistryClient.Blobs.cs),
/// copies (OciRegistryClient.Copy.cs).
/// </summary>
public sealed partial class OciRegistryClient : IDisposable
{
    readonly HttpClient http;
    readonly string? username;

    /// <param name="host">The registry's host and optional port, e.g. <c>127.0.0.1:5000</c> or <c>ghcr.io</c>.</param>
    /// <param name="username">With <paramref name="password"/> (or a token in its place); null for anonymous access.</param>
    public OciRegistryClient(string host, string? username = null, string? password = null)
        : this(host, username, password, new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(15) })
    {
    }

    /// <summary>For tests: the HTTP transport under the authentication handler (to record or fake requests).</summary>
    internal OciRegistryClient(string host, string? username, string? password, HttpMessageHandler transport)
    {
        if (RegistryRepository.HostProblem(host) is { } problem)
            throw new ArgumentException($"'{host}' is not a registry host ({problem}): expected e.g. 127.0.0.1:5000 or ghcr.io.");
        if ((username is null) != (password is null))
            throw new ArgumentException($"The credentials for {host} need both a username and a password (or token), or neither.");
        Host = host;
        this.username = username;
        // No overall timeout: a layer takes as long as it takes; callers cancel with their token.
        http = new HttpClient(new RegistryAuthenticationHandler(transport, username, password))
        {
            BaseAddress = RegistryRepository.BaseAddressOf(host),
            Timeout = Timeout.InfiniteTimeSpan,
        };
    }

    /// <summary>The registry's host and optional port.</summary>
    public string Host { get; }

    /// <summary>Succeeds when the registry answers the API's base endpoint (GET /v2/) and lets this client in.</summary>
    public async Task PingAsync(CancellationToken cancellationToken = default)
    {
        using var response = await SendAsync(new HttpRequestMessage(HttpMethod.Get, "v2/"), cancellationToken);
        await EnsureSuccessAsync(response, "answer the registry API (GET /v2/)", cancellationToken);
    }

    public void Dispose() => http.Dispose();

    /// <summary>Sends (and disposes) the request; a connection failure is the one <see cref="OciRegistryUnavailableException"/>.</summary>
    async Task<HttpResponseMessage> SendAsync(
        HttpRequestMessage request, CancellationToken cancellationToken, HttpCompletionOption completion = HttpCompletionOption.ResponseContentRead)
    {
        using (request)
        {
            try
            {
                return await http.SendAsync(request, completion, cancellationToken);
            }
            catch (HttpRequestException exception) when (exception.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError
                                                         || exception.InnerException is SocketException)
            {
                throw new OciRegistryUnavailableException(Host, exception);
            }
            // The handler's ConnectTimeout surfaces as a cancellation wrapping a TimeoutException; the caller's own token did not fire.
            catch (OperationCanceledException exception) when (exception.InnerException is TimeoutException && !cancellationToken.IsCancellationRequested)
            {
                throw new OciRegistryUnavailableException(Host, exception);
            }
        }
    }

    Task EnsureSuccessAsync(HttpResponseMessage response, string what, CancellationToken cancellationToken) =>
        RegistryResponses.EnsureSuccessAsync(response, Host, what, username, cancellationToken);

    /// <summary>Refuses a repository on another host: its credentials and address are another client's.</summary>
    void EnsureServes(RegistryRepository repository)
    {
        if (repository.Host != Host)
            throw new ArgumentException(
                $"{repository} is on {repository.Host}, and this registry client talks to {Host}: use a client for {repository.Host}.");
    }

    static string Endpoint(RegistryRepository repository, string resource) => $"v2/{repository.Path}/{resource}";

    static bool IsNotFound(HttpResponseMessage response) => response.StatusCode == HttpStatusCode.NotFound;
}
