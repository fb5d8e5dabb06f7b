using System.Net.Sockets;

namespace MlopsBuild.Containers.Distribution;

/// <summary>No registry answers at the address (none started, stopped, or a wrong host or port).</summary>
public sealed class OciRegistryUnavailableException(string host, Exception inner) : OciRegistryException(
    $"No OCI registry answers at {host} ({Reason(inner)}). Start one — `bash .ci/docker.sh` starts one on 127.0.0.1:5000 — " +
    "or point the environment's repository at yours.", statusCode: null, inner)
{
    /// <summary>The registry's host and port, as the repository names it.</summary>
    public string Host { get; } = host;

    static string Reason(Exception inner) => (inner.InnerException ?? inner) switch
    {
        SocketException { SocketErrorCode: SocketError.ConnectionRefused } => "connection refused",
        SocketException { SocketErrorCode: SocketError.HostNotFound or SocketError.NoData } => "no such host",
        SocketException { SocketErrorCode: SocketError.TimedOut } or TimeoutException => "the connection timed out",
        var cause => cause.Message,
    };
}
