namespace MlopsBuild.Containers.Engine;

/// <summary>No Docker engine answers at the endpoint (none started, stopped, or a wrong DOCKER_HOST).</summary>
public sealed class DockerUnavailableException(DockerEndpoint endpoint, Exception inner) : DockerException(
    $"No Docker engine answers at {endpoint.Host} ({Reason(endpoint, inner)}): start it (as root: bash .ci/docker.sh, or " +
    "dockerd --host unix:///var/run/docker.sock --storage-driver vfs --bridge=none --iptables=false &) " +
    $"or set {DockerEndpoint.EnvironmentVariable} to where it listens.", statusCode: null, inner)
{
    public DockerEndpoint Endpoint { get; } = endpoint;

    /// <summary>A missing socket file reads "Cannot assign requested address" from the socket layer: say what it means.</summary>
    static string Reason(DockerEndpoint endpoint, Exception inner) =>
        endpoint.SocketPath is { } path && !File.Exists(path) ? "no socket file there" : inner.Message;
}
