using System.Net;
using System.Net.Sockets;

namespace MlopsBuild.Testing.Serving;

public static class FreePorts
{
    /// <summary>
    /// The first of <paramref name="count"/> consecutive loopback ports that are free now, chosen below the kernel's
    /// ephemeral range: ports the system hands out by itself (other tests' listeners on port 0, outgoing connections)
    /// could otherwise take one between this check and the container's bind.
    /// </summary>
    public static int Block(int count)
    {
        var ceiling = EphemeralRangeStart() - count;
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var first = Random.Shared.Next(20_000, ceiling);
            if (Enumerable.Range(first, count).All(IsFree)) return first;
        }
        throw new InvalidOperationException($"No {count} consecutive free loopback ports found.");
    }

    /// <summary>The first port of Linux's ephemeral range (32768 unless configured otherwise).</summary>
    static int EphemeralRangeStart()
    {
        const string setting = "/proc/sys/net/ipv4/ip_local_port_range";
        return File.Exists(setting) && int.TryParse(File.ReadAllText(setting).Split((char[])['\t', ' '], StringSplitOptions.RemoveEmptyEntries)[0], out var start) && start > 21_000
            ? start
            : 32_768;
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
