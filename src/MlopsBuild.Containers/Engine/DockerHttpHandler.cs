using System.Net.Sockets;

namespace MlopsBuild.Containers.Engine;

/// <summary>The HTTP handler for an endpoint: a unix socket connection per request pool slot, or plain TCP.</summary>
static class DockerHttpHandler
{
    public static SocketsHttpHandler Create(DockerEndpoint endpoint)
    {
        var handler = new SocketsHttpHandler { UseProxy = false, PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30) };
        if (endpoint.SocketPath is { } socketPath)
            handler.ConnectCallback = async (_, cancellationToken) =>
            {
                var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                try
                {
                    await socket.ConnectAsync(new UnixDomainSocketEndPoint(socketPath), cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            };
        return handler;
    }
}
