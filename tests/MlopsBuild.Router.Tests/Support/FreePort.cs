using System.Net;
using System.Net.Sockets;

namespace MlopsBuild.Router.Tests.Support;

/// <summary>A loopback port nothing listens on right now (the kernel's pick for a port-0 listener, released at once).</summary>
static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
