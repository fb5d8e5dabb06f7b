using System.Buffers.Binary;
using System.Text;

namespace MlopsBuild.Containers.Engine;

/// <summary>
/// Splits the engine's multiplexed log stream (a container without a terminal) into stdout and stderr.
/// Each frame is an 8-byte header — stream type (0 stdin, 1 stdout, 2 stderr), three zero bytes, the payload
/// length as a big-endian uint32 — then the payload.
/// </summary>
static class LogStreamDemultiplexer
{
    const int HeaderLength = 8;

    public static async Task<ContainerLogs> ReadAsync(Stream stream, CancellationToken cancellationToken)
    {
        using var stdout = new MemoryStream();
        using var stderr = new MemoryStream();
        var header = new byte[HeaderLength];
        while (await ReadFrameHeaderAsync(stream, header, cancellationToken))
        {
            var length = BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(4));
            var payload = new byte[length];
            await stream.ReadExactlyAsync(payload, cancellationToken);
            (header[0] == 2 ? stderr : stdout).Write(payload);
        }
        return new ContainerLogs(Encoding.UTF8.GetString(stdout.ToArray()), Encoding.UTF8.GetString(stderr.ToArray()));
    }

    /// <summary>False at a clean end of stream; a stream cut inside a header is an error.</summary>
    static async Task<bool> ReadFrameHeaderAsync(Stream stream, byte[] header, CancellationToken cancellationToken)
    {
        var read = await stream.ReadAtLeastAsync(header, HeaderLength, throwOnEndOfStream: false, cancellationToken);
        if (read == 0) return false;
        if (read < HeaderLength)
            throw new DockerException($"The engine's log stream ended inside a frame header ({read} of {HeaderLength} bytes).");
        return true;
    }
}
