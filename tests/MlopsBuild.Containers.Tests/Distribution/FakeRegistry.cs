using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace MlopsBuild.Containers.Tests.Distribution;

/// <summary>
/// An in-memory OCI registry on a loopback port (Kestrel): the distribution API's manifests, blobs, uploads and mounts,
/// strict where the spec is (a manifest only once what it points at is there, an upload only with its digest), plus
/// what real registries do and the local one cannot: Basic or Bearer-token sign-in with scopes, declining a mount,
/// serving altered bytes. Every request is recorded as "METHOD /path?query".
/// </summary>
public sealed partial class FakeRegistry : IAsyncDisposable
{
    public enum SignIn { Anonymous, Basic, Bearer }

    public const string User = "robot";
    public const string Password = "s3cret";
    const string UploadState = "opaque%2Bstate";

    readonly WebApplication app;
    readonly SignIn signIn;
    readonly bool declinesMounts;
    readonly Lock gate = new();
    readonly Dictionary<string, byte[]> contents = new(StringComparer.Ordinal);
    readonly Dictionary<string, string> mediaTypes = new(StringComparer.Ordinal);
    readonly HashSet<(string Repository, string Digest)> links = [];
    readonly Dictionary<(string Repository, string Tag), string> tags = [];
    readonly Dictionary<string, byte[]> altered = new(StringComparer.Ordinal);
    readonly ConcurrentDictionary<string, string[]> grantedScopes = new(StringComparer.Ordinal);
    readonly ConcurrentDictionary<string, byte> uploadSessions = new(StringComparer.Ordinal);
    readonly ConcurrentQueue<string> requests = new();
    readonly ConcurrentQueue<string> tokenRequests = new();

    FakeRegistry(WebApplication app, SignIn signIn, bool declinesMounts)
    {
        this.app = app;
        this.signIn = signIn;
        this.declinesMounts = declinesMounts;
    }

    /// <summary>The registry's 127.0.0.1:port.</summary>
    public string Host => new Uri(app.Urls.Single()).Authority;

    public IReadOnlyList<string> Requests => [.. requests];

    /// <summary>The token service's requests: "user scope=…" (user "anonymous" without credentials).</summary>
    public IReadOnlyList<string> TokenRequests => [.. tokenRequests];

    public static async Task<FakeRegistry> StartAsync(SignIn signIn = SignIn.Anonymous, bool declinesMounts = false)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var registry = new FakeRegistry(app, signIn, declinesMounts);
        app.Run(registry.HandleAsync);
        await app.StartAsync();
        return registry;
    }

    /// <summary>Stores a tiny image (a config and one layer made of <paramref name="seed"/>); returns its manifest digest.</summary>
    public string AddImage(string repository, string seed, string? tag = null)
    {
        var config = AddBlob(repository, Encoding.UTF8.GetBytes($$"""{"architecture":"amd64","os":"linux","seed":"{{seed}}"}"""));
        var layer = AddBlob(repository, Encoding.UTF8.GetBytes($"layer of {seed}\n"));
        var manifest = $$"""
            {"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json",
             "config":{"mediaType":"application/vnd.oci.image.config.v1+json","digest":"{{config.Digest}}","size":{{config.Size}}},
             "layers":[{"mediaType":"application/vnd.oci.image.layer.v1.tar","digest":"{{layer.Digest}}","size":{{layer.Size}}}]}
            """;
        return Store(repository, Encoding.UTF8.GetBytes(manifest), "application/vnd.oci.image.manifest.v1+json", tag);
    }

    /// <summary>Stores an index of manifests already in <paramref name="repository"/>; returns its digest.</summary>
    public string AddIndex(string repository, params string[] manifestDigests)
    {
        var entries = manifestDigests.Select(digest =>
            $$$"""{"mediaType":"application/vnd.oci.image.manifest.v1+json","digest":"{{{digest}}}","size":{{{contents[digest].Length}}},"platform":{"architecture":"amd64","os":"linux"}}""");
        var index = $$"""{"schemaVersion":2,"mediaType":"application/vnd.oci.image.index.v1+json","manifests":[{{string.Join(',', entries)}}]}""";
        return Store(repository, Encoding.UTF8.GetBytes(index), "application/vnd.oci.image.index.v1+json", tag: null);
    }

    /// <summary>From now on, serves <paramref name="bytes"/> whenever the manifest <paramref name="digest"/> is asked for.</summary>
    public void Alter(string digest, byte[] bytes)
    {
        lock (gate) altered[digest] = bytes;
    }

    public bool Holds(string repository, string digest)
    {
        lock (gate) return links.Contains((repository, digest));
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();

    (string Digest, int Size) AddBlob(string repository, byte[] bytes)
    {
        var digest = DigestOf(bytes);
        lock (gate)
        {
            contents[digest] = bytes;
            links.Add((repository, digest));
        }
        return (digest, bytes.Length);
    }

    string Store(string repository, byte[] bytes, string mediaType, string? tag)
    {
        var (digest, _) = AddBlob(repository, bytes);
        lock (gate)
        {
            mediaTypes[digest] = mediaType;
            if (tag is not null) tags[(repository, tag)] = digest;
        }
        return digest;
    }

    async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        requests.Enqueue($"{request.Method} {request.Path}{request.QueryString}");
        if (request.Path == "/token")
        {
            await IssueTokenAsync(context);
            return;
        }
        var route = Route().Match(request.Path.Value ?? "");
        var repository = route.Success ? route.Groups["name"].Value : "";
        if (!SignedIn(request, repository))
        {
            await ChallengeAsync(context, repository);
            return;
        }
        if (request.Path == "/v2/")
        {
            await context.Response.WriteAsync("{}");
            return;
        }
        if (!route.Success)
        {
            await ErrorAsync(context, StatusCodes.Status404NotFound, "NOT_FOUND", "no such route");
            return;
        }
        var reference = route.Groups["reference"].Value;
        var task = (route.Groups["kind"].Value, request.Method) switch
        {
            ("manifests", "GET" or "HEAD") => ServeAsync(context, repository, Resolve(repository, reference), manifest: true),
            ("manifests", "PUT") => PutManifestAsync(context, repository, reference),
            ("blobs", "GET" or "HEAD") => ServeAsync(context, repository, reference, manifest: false),
            ("blobs/uploads", "POST") => StartUploadAsync(context, repository),
            ("blobs/uploads", "PUT") => FinishUploadAsync(context, repository, reference),
            _ => ErrorAsync(context, StatusCodes.Status405MethodNotAllowed, "UNSUPPORTED", "not supported here"),
        };
        await task;
    }

    string Resolve(string repository, string reference)
    {
        lock (gate) return tags.GetValueOrDefault((repository, reference)) ?? reference;
    }

    async Task ServeAsync(HttpContext context, string repository, string digest, bool manifest)
    {
        byte[] bytes;
        string? mediaType;
        lock (gate)
        {
            if (!links.Contains((repository, digest)) || (manifest && !mediaTypes.ContainsKey(digest)))
            {
                bytes = [];
                mediaType = null;
            }
            else
            {
                bytes = manifest && altered.TryGetValue(digest, out var served) ? served : contents[digest];
                mediaType = mediaTypes.GetValueOrDefault(digest);
            }
        }
        if (bytes.Length == 0)
        {
            await ErrorAsync(context, StatusCodes.Status404NotFound, manifest ? "MANIFEST_UNKNOWN" : "BLOB_UNKNOWN", "unknown to registry");
            return;
        }
        context.Response.ContentType = mediaType ?? "application/octet-stream";
        context.Response.ContentLength = bytes.Length;
        context.Response.Headers["Docker-Content-Digest"] = digest;
        if (context.Request.Method == "GET") await context.Response.Body.WriteAsync(bytes);
    }

    async Task PutManifestAsync(HttpContext context, string repository, string reference)
    {
        var bytes = await ReadBodyAsync(context.Request);
        var digest = DigestOf(bytes);
        if (reference.StartsWith("sha256:", StringComparison.Ordinal) && reference != digest)
        {
            await ErrorAsync(context, StatusCodes.Status400BadRequest, "DIGEST_INVALID", "provided digest did not match uploaded content");
            return;
        }
        using (var json = JsonDocument.Parse(bytes))
            if (PointsAt(json.RootElement).FirstOrDefault(target => !Holds(repository, target)) is { } missing)
            {
                await ErrorAsync(context, StatusCodes.Status400BadRequest, "MANIFEST_BLOB_UNKNOWN", $"blob unknown to registry: {missing}");
                return;
            }
        Store(repository, bytes, context.Request.ContentType ?? "", reference.StartsWith("sha256:", StringComparison.Ordinal) ? null : reference);
        context.Response.StatusCode = StatusCodes.Status201Created;
        context.Response.Headers["Docker-Content-Digest"] = digest;
    }

    Task StartUploadAsync(HttpContext context, string repository)
    {
        var query = context.Request.Query;
        if (query["mount"].ToString() is { Length: > 0 } digest && !declinesMounts && Holds(query["from"].ToString(), digest))
        {
            lock (gate) links.Add((repository, digest));
            context.Response.StatusCode = StatusCodes.Status201Created;
            context.Response.Headers.Location = $"/v2/{repository}/blobs/{digest}";
            return Task.CompletedTask;
        }
        var session = Guid.NewGuid().ToString("N");
        uploadSessions[session] = 0;
        context.Response.StatusCode = StatusCodes.Status202Accepted;
        context.Response.Headers.Location = $"/v2/{repository}/blobs/uploads/{session}?_state={UploadState}";
        return Task.CompletedTask;
    }

    async Task FinishUploadAsync(HttpContext context, string repository, string session)
    {
        var query = context.Request.Query;
        if (!uploadSessions.TryRemove(session, out _) || query["_state"] != Uri.UnescapeDataString(UploadState))
        {
            await ErrorAsync(context, StatusCodes.Status404NotFound, "BLOB_UPLOAD_UNKNOWN", "blob upload unknown to registry");
            return;
        }
        var bytes = await ReadBodyAsync(context.Request);
        if (DigestOf(bytes) != query["digest"])
        {
            await ErrorAsync(context, StatusCodes.Status400BadRequest, "DIGEST_INVALID", "provided digest did not match uploaded content");
            return;
        }
        AddBlob(repository, bytes);
        context.Response.StatusCode = StatusCodes.Status201Created;
    }

    bool SignedIn(HttpRequest request, string repository)
    {
        var authorization = request.Headers.Authorization.ToString();
        switch (signIn)
        {
            case SignIn.Basic:
                return authorization == "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{User}:{Password}"));
            case SignIn.Bearer:
                if (!authorization.StartsWith("Bearer ", StringComparison.Ordinal)
                    || !grantedScopes.TryGetValue(authorization["Bearer ".Length..], out var scopes)) return false;
                return repository.Length == 0 || scopes.Contains($"repository:{repository}:{(IsWrite(request) ? "pull,push" : "pull")}")
                    || (!IsWrite(request) && scopes.Contains($"repository:{repository}:pull,push"));
            default:
                return true;
        }
    }

    async Task ChallengeAsync(HttpContext context, string repository)
    {
        var scope = repository.Length == 0 ? "" : $",scope=\"repository:{repository}:{(IsWrite(context.Request) ? "pull,push" : "pull")}\"";
        context.Response.Headers.WWWAuthenticate = signIn == SignIn.Basic
            ? "Basic realm=\"fake\""
            : $"Bearer realm=\"http://{Host}/token\",service=\"fake-registry\"{scope}";
        await ErrorAsync(context, StatusCodes.Status401Unauthorized, "UNAUTHORIZED", "authentication required");
    }

    async Task IssueTokenAsync(HttpContext context)
    {
        var authorization = context.Request.Headers.Authorization.ToString();
        var user = authorization.StartsWith("Basic ", StringComparison.Ordinal)
            ? Encoding.UTF8.GetString(Convert.FromBase64String(authorization["Basic ".Length..]))
            : "anonymous";
        var scopes = context.Request.Query["scope"].Select(scope => scope ?? "").ToArray();
        tokenRequests.Enqueue($"{user.Split(':')[0]} {string.Join(' ', scopes.Select(scope => "scope=" + scope))}".TrimEnd());
        if (user != $"{User}:{Password}")
        {
            await ErrorAsync(context, StatusCodes.Status401Unauthorized, "UNAUTHORIZED", "incorrect username or password");
            return;
        }
        var token = Guid.NewGuid().ToString("N");
        grantedScopes[token] = scopes;
        await context.Response.WriteAsJsonAsync(new { token });
    }

    static bool IsWrite(HttpRequest request) => request.Method is "POST" or "PUT" or "PATCH" or "DELETE";

    static IEnumerable<string> PointsAt(JsonElement manifest) =>
        new[] { "manifests", "layers" }
            .SelectMany(property => manifest.TryGetProperty(property, out var list) ? list.EnumerateArray() : Enumerable.Empty<JsonElement>())
            .Concat(manifest.TryGetProperty("config", out var config) ? [config] : [])
            .Select(descriptor => descriptor.GetProperty("digest").GetString()!);

    static async Task<byte[]> ReadBodyAsync(HttpRequest request)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer);
        return buffer.ToArray();
    }

    static Task ErrorAsync(HttpContext context, int status, string code, string message)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(new { errors = new[] { new { code, message } } });
    }

    static string DigestOf(byte[] bytes) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(bytes));

    [GeneratedRegex("^/v2/(?<name>.+)/(?<kind>manifests|blobs/uploads|blobs)/(?<reference>[^/]*)$")]
    private static partial Regex Route();
}
