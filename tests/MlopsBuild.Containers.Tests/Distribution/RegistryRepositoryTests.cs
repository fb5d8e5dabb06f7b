using MlopsBuild.Containers.Distribution;

namespace MlopsBuild.Containers.Tests.Distribution;

public sealed class RegistryRepositoryTests
{
    [Theory]
    [InlineData("127.0.0.1:5000/loans-model/lab", "127.0.0.1:5000", "loans-model/lab", "http://127.0.0.1:5000/")]
    [InlineData("localhost/team/model", "localhost", "team/model", "http://localhost/")]
    [InlineData("[::1]:5000/model", "[::1]:5000", "model", "http://[::1]:5000/")]
    [InlineData("127.1.2.3:80/a__b/c.d/e--f", "127.1.2.3:80", "a__b/c.d/e--f", "http://127.1.2.3/")]
    [InlineData("ghcr.io/team/loans-model/factory", "ghcr.io", "team/loans-model/factory", "https://ghcr.io/")]
    [InlineData("registry.example.com:8443/x", "registry.example.com:8443", "x", "https://registry.example.com:8443/")]
    public void Host_and_path_split_and_loopback_hosts_speak_plain_http(string value, string host, string path, string baseAddress)
    {
        var repository = RegistryRepository.Parse(value);

        Assert.Equal((host, path), (repository.Host, repository.Path));
        Assert.Equal(new Uri(baseAddress), repository.BaseAddress);
        Assert.Equal(value, repository.ToString());
    }

    [Theory]
    [InlineData("loans-model", "it has no registry host")]
    [InlineData("team/loans-model", "'team' is not a registry host: a host has a '.' or a ':port', or is localhost")]
    [InlineData("127.0.0.1:5000/", "the path after the host is empty")]
    [InlineData("127.0.0.1:5000/team//model", "the path component '' is not")]
    [InlineData("127.0.0.1:5000/team/Model", "the path component 'Model' is not lowercase letters and digits, joined by '.', '_', '__' or '-'")]
    [InlineData("127.0.0.1:5000/team/-model", "the path component '-model' is not")]
    [InlineData("127.0.0.1:5000/team/a___b", "the path component 'a___b' is not")]
    [InlineData("127.0.0.1:5000/team/model:v1", "the path component 'model:v1' is not")]
    [InlineData("bad_host.io/team", "'bad_host.io' is not a host name with an optional :port")]
    [InlineData("127.0.0.1:port/team", "'127.0.0.1:port' is not a host name with an optional :port")]
    public void A_bad_repository_is_refused_naming_the_bad_part(string value, string problem)
    {
        var error = Assert.Throws<ArgumentException>(() => RegistryRepository.Parse(value));

        Assert.StartsWith($"'{value}' is not a registry repository (", error.Message);
        Assert.Contains(problem, error.Message);
        Assert.EndsWith("expected <registry host>[:port]/<path>, e.g. 127.0.0.1:5000/loans-model/lab or ghcr.io/team/loans-model.", error.Message);
    }

    [Fact]
    public void A_name_longer_than_docker_accepts_is_refused()
    {
        var value = "127.0.0.1:5000/" + new string('a', 250);

        var error = Assert.Throws<ArgumentException>(() => RegistryRepository.Parse(value));

        Assert.Contains("it is 265 characters long, more than 255", error.Message);
    }
}
