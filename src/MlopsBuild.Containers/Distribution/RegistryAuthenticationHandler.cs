using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using MlopsBuild.Containers.Engine;

namespace MlopsBuild.Containers.Distribution;

/// <summary>
/// Answers a registry's 401 challenge and resends the request: Basic with the credentials, or Bearer with a token from
/// the challenge's realm for the scope it names (the credentials, when given, sign the token request; without them the
/// token is anonymous, which public images allow). Tokens are kept per repository, so a blob upload's streaming PUT goes
/// with the push token its POST obtained: a stream cannot be sent twice.
/// </summary>
sealed class RegistryAuthenticationHandler(HttpMessageHandler transport, string? username, string? password) : DelegatingHandler(transport)
{
    readonly ConcurrentDictionary<string, AuthenticationHeaderValue> tokens = new(StringComparer.Ordinal);
    AuthenticationHeaderValue? basic;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var repository = RepositoryOf(request.RequestUri!);
        request.Headers.Authorization = tokens.GetValueOrDefault(repository) ?? basic;
        var response = await base.SendAsync(request, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Unauthorized || !CanResend(request.Content)) return response;
        if (AuthenticationChallenge.Of(response) is not { } challenge) return response;

        AuthenticationHeaderValue? answer;
        if (challenge.Scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase) && challenge["realm"] is { } realm)
            answer = tokens[repository] =
                new AuthenticationHeaderValue("Bearer", await FetchTokenAsync(request.RequestUri!.Authority, realm, challenge, cancellationToken));
        else if (challenge.Scheme.Equals("Basic", StringComparison.OrdinalIgnoreCase) && BasicCredentials() is { } credentials)
            answer = basic = credentials;
        else
            return response;

        response.Dispose();
        request.Headers.Authorization = answer;
        return await base.SendAsync(request, cancellationToken);
    }

    /// <summary>GET realm?service=…&amp;scope=… (one scope parameter per space-separated scope), as the token spec has it.</summary>
    async Task<string> FetchTokenAsync(string registryHost, string realm, AuthenticationChallenge challenge, CancellationToken cancellationToken)
    {
        var parameters = new List<string>();
        if (challenge["service"] is { } service) parameters.Add($"service={Uri.EscapeDataString(service)}");
        foreach (var scope in (challenge["scope"] ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries))
            parameters.Add($"scope={Uri.EscapeDataString(scope)}");
        var query = string.Join('&', parameters);
        var address = query.Length == 0 ? realm : $"{realm}{(realm.Contains('?') ? '&' : '?')}{query}";
        using var request = new HttpRequestMessage(HttpMethod.Get, address);
        request.Headers.Authorization = BasicCredentials();
        HttpResponseMessage response;
        try
        {
            response = await base.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException exception)
        {
            throw new OciRegistryException(
                $"The token service {registryHost} sends clients to, {realm}, does not answer ({exception.Message}): " +
                "check the registry's address and this machine's network.",
                inner: exception);
        }
        using (response)
        {
            var scopes = challenge["scope"] ?? "the registry";
            await RegistryResponses.EnsureSuccessAsync(response, registryHost, $"issue a token for {scopes} at {realm}", username, cancellationToken);
            using var json = await DockerResponses.ReadJsonAsync(response, cancellationToken);
            // "token" per Docker's token spec; "access_token" per OAuth 2, which some registries answer with instead.
            return DockerResponses.StringOrNull(json.RootElement, "token") ?? DockerResponses.StringOrNull(json.RootElement, "access_token")
                ?? throw new OciRegistryException($"The token service {realm} answered without a token for {scopes}: it does not speak the registry token protocol.");
        }
    }

    AuthenticationHeaderValue? BasicCredentials() => username is null
        ? null
        : new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{username}:{password}")));

    /// <summary>No body, or one held in memory; an upload's stream is gone once sent.</summary>
    static bool CanResend(HttpContent? content) => content is null or ByteArrayContent;

    /// <summary>
    /// The repository a request is about (its token's key): the path between /v2/ and the last /manifests/, /blobs/ or
    /// /tags/ (an upload's /blobs/uploads/… counts as /blobs/); empty for /v2/ itself.
    /// </summary>
    static string RepositoryOf(Uri uri)
    {
        var path = uri.AbsolutePath;
        var uploads = path.LastIndexOf("/blobs/uploads/", StringComparison.Ordinal);
        var end = uploads >= 0
            ? uploads
            : new[] { "/manifests/", "/blobs/", "/tags/" }.Max(marker => path.LastIndexOf(marker, StringComparison.Ordinal));
        return path.StartsWith("/v2/", StringComparison.Ordinal) && end > "/v2".Length ? path["/v2/".Length..end] : "";
    }
}
