using System.Net.Sockets;
using MlopsBuild.Containers.Engine;
using MlopsBuild.Testing;

namespace MlopsBuild.Containers.Tests.Engine;

/// <summary>No engine at DOCKER_HOST: every operation gives the same one clear message.</summary>
public sealed class UnavailableEngineTests : IDisposable
{
    readonly TemporaryDirectory folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task No_socket_file_gives_the_one_clear_message()
    {
        var host = $"unix://{folder.File("docker.sock")}";
        using var docker = new DockerClient(DockerEndpoint.Parse(host));

        var error = await Assert.ThrowsAsync<DockerUnavailableException>(() => docker.PingAsync());

        AssertClear(error, host);
    }

    [Fact]
    public async Task A_socket_nobody_listens_on_gives_the_one_clear_message_for_any_operation()
    {
        // A stopped daemon leaves its socket file behind: bound, but nothing accepts.
        var path = folder.File("stale.sock");
        using var stale = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        stale.Bind(new UnixDomainSocketEndPoint(path));
        var host = $"unix://{path}";
        using var docker = new DockerClient(DockerEndpoint.Parse(host));

        var error = await Assert.ThrowsAsync<DockerUnavailableException>(() => docker.InspectImageAsync("anything:1"));

        AssertClear(error, host);
    }

    [Fact]
    public async Task A_tcp_port_nobody_listens_on_gives_the_one_clear_message()
    {
        var port = FreeLoopbackPort();
        var host = $"tcp://127.0.0.1:{port}";
        using var docker = new DockerClient(DockerEndpoint.Parse(host));

        var error = await Assert.ThrowsAsync<DockerUnavailableException>(() => docker.VersionAsync());

        AssertClear(error, host);
    }

    /// <summary>A port that was free a moment ago: bound, read, released.</summary>
    static int FreeLoopbackPort()
    {
        using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, 0));
        return ((System.Net.IPEndPoint)listener.LocalEndPoint!).Port;
    }

    static void AssertClear(DockerUnavailableException error, string host)
    {
        Assert.StartsWith($"No Docker engine answers at {host} (", error.Message);
        Assert.Contains("bash .ci/docker.sh", error.Message);
        Assert.Contains("or set DOCKER_HOST", error.Message);
    }
}
