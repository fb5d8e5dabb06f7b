using MlopsBuild.Containers.Engine;

namespace MlopsBuild.Containers.Tests.Engine;

public sealed class DockerEndpointTests
{
    [Fact]
    public void A_unix_address_names_the_socket()
    {
        var endpoint = DockerEndpoint.Parse("unix:///run/mlops/docker.sock");

        Assert.Equal("/run/mlops/docker.sock", endpoint.SocketPath);
        Assert.Equal("unix:///run/mlops/docker.sock", endpoint.ToString());
    }

    [Theory]
    [InlineData("tcp://127.0.0.1:2375", "http://127.0.0.1:2375/")]
    [InlineData("http://localhost:2375", "http://localhost:2375/")]
    public void A_tcp_address_becomes_a_plain_http_base_address(string host, string expected)
    {
        var endpoint = DockerEndpoint.Parse(host);

        Assert.Null(endpoint.SocketPath);
        Assert.Equal(new Uri(expected), endpoint.BaseAddress);
    }

    [Theory]
    [InlineData("npipe:////./pipe/docker_engine")]
    [InlineData("unix://")]
    [InlineData("tcp://host:2375/path")]
    public void An_address_this_client_cannot_speak_is_refused_saying_what_works(string host)
    {
        var error = Assert.Throws<ArgumentException>(() => DockerEndpoint.Parse(host));

        Assert.Contains($"DOCKER_HOST '{host}'", error.Message);
        Assert.Contains("unix:///path/to/docker.sock or tcp://host:port", error.Message);
    }
}
