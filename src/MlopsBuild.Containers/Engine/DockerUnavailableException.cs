namespace MlopsBuild.Containers.Engine;

/// <summary>No Docker engine answers at the endpoint (none started, stopped, or a wrong DOCKER_HOST).</summary>
public sealed class DockerUnavailableException(DockerEndpoint endpoint, Exception inner) : DockerException(
    $"No Docker engine answers at {endpoint.Host} ({inner.Message}): start it (as root: bash .ci/docker.sh, or " +
    "dockerd --host unix:///var/run/docker.sock --storage-driver vfs --bridge=none --iptables=false &) " +
    $"or set {DockerEndpoint.EnvironmentVariable} to where it listens.", statusCode: null, inner)
{
    public DockerEndpoint Endpoint { get; } = endpoint;
}
