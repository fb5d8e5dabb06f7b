using System.Net;
using System.Net.Sockets;

namespace MlopsBuild.Testing.Serving;

public static class FreePorts
{
    /// <summary>The first of <paramref name="count"/> consecutive loopback ports that are free now.</summary>
    public static int Block(int count)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var first = Random.Shared.Next(20_000, 60_000);
            if (Enumerable.Range(first, count).All(IsFree)) return first;
        }
        throw new InvalidOperationException($"No {count} consecutive free loopback ports found.");
    }

    static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
