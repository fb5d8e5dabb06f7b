using System.Text;
using MlopsBuild.Containers.Engine;

namespace MlopsBuild.Containers.Tests.Engine;

public sealed class LogStreamDemultiplexerTests
{
    [Fact]
    public async Task Frames_go_to_the_stream_their_header_names_in_order()
    {
        byte[] stream = [.. Frame(1, "out 1\n"), .. Frame(2, "err 1\n"), .. Frame(1, "out 2\n"), .. Frame(2, "")];

        // One byte per read: frames arrive cut anywhere, as they may from a socket.
        var logs = await LogStreamDemultiplexer.ReadAsync(new TrickleStream(stream), CancellationToken.None);

        Assert.Equal(new ContainerLogs("out 1\nout 2\n", "err 1\n"), logs);
    }

    [Fact]
    public async Task A_stream_cut_inside_a_header_is_an_error_not_silently_short_logs()
    {
        byte[] stream = [.. Frame(1, "whole\n"), 1, 0, 0];

        var error = await Assert.ThrowsAsync<DockerException>(() => LogStreamDemultiplexer.ReadAsync(new MemoryStream(stream), CancellationToken.None));

        Assert.Contains("ended inside a frame header (3 of 8 bytes)", error.Message);
    }

    static byte[] Frame(byte stream, string text)
    {
        var payload = Encoding.UTF8.GetBytes(text);
        byte[] header = [stream, 0, 0, 0, (byte)(payload.Length >> 24), (byte)(payload.Length >> 16), (byte)(payload.Length >> 8), (byte)payload.Length];
        return [.. header, .. payload];
    }

    sealed class TrickleStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(1, buffer.Length)], cancellationToken);
    }
}
