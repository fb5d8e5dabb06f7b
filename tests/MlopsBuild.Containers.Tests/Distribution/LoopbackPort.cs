using System.Net;
using System.Net.Sockets;

namespace MlopsBuild.Containers.Tests.Distribution;

static class LoopbackPort
{
    /// <summary>A port that was free a moment ago: bound, read, released, so nothing listens on it.</summary>
    public static int Closed()
    {
        using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)listener.LocalEndPoint!).Port;
    }
}
