namespace MlopsBuild.Containers.Engine;

/// <summary>
/// Where the Docker engine listens, as DOCKER_HOST spells it: <c>unix:///path/docker.sock</c> or <c>tcp://host:port</c>
/// (plain HTTP; TLS is not supported). <c>.ci/docker.sh</c> starts the engine on the default socket.
/// </summary>
public sealed class DockerEndpoint
{
    public const string DefaultHost = "unix:///var/run/docker.sock";
    public const string EnvironmentVariable = "DOCKER_HOST";

    DockerEndpoint(string host, string? socketPath, Uri baseAddress)
    {
        Host = host;
        SocketPath = socketPath;
        BaseAddress = baseAddress;
    }

    /// <summary>The address as given, e.g. <c>unix:///var/run/docker.sock</c>.</summary>
    public string Host { get; }

    /// <summary>The unix socket's path, or null for TCP.</summary>
    public string? SocketPath { get; }

    /// <summary>The HTTP base address requests go to (a placeholder host for a unix socket).</summary>
    public Uri BaseAddress { get; }

    public static DockerEndpoint FromEnvironment() =>
        Parse(Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } host ? host : DefaultHost);

    public static DockerEndpoint Parse(string host)
    {
        if (host.StartsWith("unix://", StringComparison.Ordinal) && host.Length > "unix://".Length)
            return new DockerEndpoint(host, host["unix://".Length..], new Uri("http://docker.sock/"));
        if ((host.StartsWith("tcp://", StringComparison.Ordinal) || host.StartsWith("http://", StringComparison.Ordinal))
            && Uri.TryCreate("http://" + host[(host.IndexOf("://", StringComparison.Ordinal) + 3)..], UriKind.Absolute, out var uri)
            && uri.AbsolutePath == "/")
            return new DockerEndpoint(host, socketPath: null, new Uri($"http://{uri.Authority}/"));
        throw new ArgumentException(
            $"DOCKER_HOST '{host}' is not an address this client speaks: use unix:///path/to/docker.sock or tcp://host:port.");
    }

    public override string ToString() => Host;
}
