using MlopsBuild.Containers.Distribution;

namespace MlopsBuild.Containers.Tests.Distribution;

public sealed class UnavailableRegistryTests
{
    [Fact]
    public async Task A_port_nobody_listens_on_gives_the_one_clear_message_with_the_address()
    {
        var host = $"127.0.0.1:{LoopbackPort.Closed()}";
        using var registry = new OciRegistryClient(host);

        var ping = await Assert.ThrowsAsync<OciRegistryUnavailableException>(() => registry.PingAsync());
        var copy = await Assert.ThrowsAsync<OciRegistryUnavailableException>(() => registry.CopyAsync(
            ImageDigestReference.Parse($"{host}/loans-model/lab@sha256:{new string('0', 64)}"), RegistryRepository.Parse($"{host}/loans-model/factory"), "v1"));

        Assert.Equal(
            $"No OCI registry answers at {host} (connection refused). Start one — `bash .ci/docker.sh` starts one on 127.0.0.1:5000 — " +
            "or point the environment's repository at yours.", ping.Message);
        Assert.Equal(ping.Message, copy.Message);
        Assert.Equal(host, copy.Host);
    }
}
