using MlopsBuild.Containers.Engine;
using MlopsBuild.Containers.Images;

namespace MlopsBuild.Testing.Docker;

/// <summary>
/// The one rule for tests that need the real engine (and the local registry): without one they skip, loudly, unless
/// MLOPS_REQUIRE_DOCKER=1 (CI), where they run and fail with the engine's own "no engine answers" message.
/// Also the shared pieces of such tests: a client for DOCKER_HOST and the local base image, built once per run.
/// </summary>
public static class DockerRequirement
{
    public const string RequireVariable = "MLOPS_REQUIRE_DOCKER";

    /// <summary>The registry the push tests use (MLOPS_REGISTRY, default what .ci/docker.sh starts).</summary>
    public static string Registry { get; } = Environment.GetEnvironmentVariable("MLOPS_REGISTRY") is { Length: > 0 } registry ? registry : "127.0.0.1:5000";

    static bool Required => Environment.GetEnvironmentVariable(RequireVariable) == "1";

    static readonly Lazy<string?> EngineProblem = new(() => Probe(async cancellationToken =>
    {
        using var docker = DockerClient.FromEnvironment();
        await docker.PingAsync(cancellationToken);
    }));

    static readonly Lazy<string?> RegistryProblem = new(() => Probe(async cancellationToken =>
    {
        using var http = new HttpClient();
        using var response = await http.GetAsync($"http://{Registry}/v2/", cancellationToken);
        response.EnsureSuccessStatusCode();
    }));

    static readonly Lazy<Task<ImageInfo>> BaseImage = new(() => LocalBaseImage.EnsureAsync(Client()));

    /// <summary>Why a test that needs Docker (and maybe the registry) is skipped; null when it runs.</summary>
    public static string? SkipReason(bool needsRegistry)
    {
        if (Required) return null;
        if (EngineProblem.Value is { } engine) return Loud(engine);
        return needsRegistry && RegistryProblem.Value is { } registry ? Loud($"No registry answers at {Registry} ({registry}).") : null;
    }

    public static DockerClient Client() => DockerClient.FromEnvironment();

    /// <summary>The local base image, built through <see cref="LocalBaseImage"/> the first time a test asks in this run.</summary>
    public static Task<ImageInfo> BaseImageAsync() => BaseImage.Value;

    static string Loud(string problem) =>
        $"SKIPPED, NO DOCKER: {problem} Start it with 'bash .ci/docker.sh' as root; {RequireVariable}=1 (as in CI) makes this a failure.";

    static string? Probe(Func<CancellationToken, Task> check)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            Task.Run(() => check(timeout.Token)).GetAwaiter().GetResult();
            return null;
        }
        catch (Exception exception)
        {
            return exception.Message;
        }
    }
}
