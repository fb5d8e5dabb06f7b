using MlopsBuild.Containers.Distribution;
using MlopsBuild.Containers.Engine;
using MlopsBuild.Deployment.Environments;

namespace MlopsBuild.Deployment.Tests.Environments;

public sealed class DeploymentEnvironmentTests
{
    static DeploymentEnvironment Lab(string engine = "unix:///var/run/docker.sock", int port = 8080, string name = "lab", string service = "loans-model") =>
        new(name, DockerEndpoint.Parse(engine), RegistryRepository.Parse("127.0.0.1:5000/loans-model/lab"), port, service, HealthSettings.Default);

    [Fact]
    public void Ports_follow_the_scheme_router_admin_blue_green()
    {
        var lab = Lab(port: 8080);

        Assert.Equal(new Uri("http://127.0.0.1:8080/"), lab.PublicAddress);
        Assert.Equal(new Uri("http://127.0.0.1:8081/"), lab.AdminAddress);
        Assert.Equal(new Uri("http://127.0.0.1:8082/"), lab.SlotAddress(Slot.Blue));
        Assert.Equal(new Uri("http://127.0.0.1:8083/"), lab.SlotAddress(Slot.Green));
    }

    [Fact]
    public void Containers_are_named_by_service_environment_and_role()
    {
        var lab = Lab();

        Assert.Equal("loans-model-lab-router", lab.RouterContainer);
        Assert.Equal("loans-model-lab-blue", lab.SlotContainer(Slot.Blue));
        Assert.Equal("loans-model-lab-green", lab.SlotContainer(Slot.Green));
    }

    [Fact]
    public void A_router_upstream_is_mapped_back_to_its_slot()
    {
        var lab = Lab(port: 8080);

        Assert.Equal(Slot.Green, lab.SlotAt(new Uri("http://127.0.0.1:8083/")));
        Assert.Equal(Slot.Blue, lab.SlotAt(new Uri("http://127.0.0.1:8082")));
        Assert.Null(lab.SlotAt(new Uri("http://127.0.0.1:9082/")));
        Assert.Null(lab.SlotAt(null));
    }

    [Fact]
    public void A_remote_engine_is_reached_at_its_host_and_its_servers_listen_on_all_interfaces()
    {
        var lab = Lab(engine: "tcp://lab.example.com:2375");

        Assert.Equal(new Uri("http://lab.example.com:8080/"), lab.PublicAddress);
        Assert.Equal("0.0.0.0", lab.ListenHost);
        Assert.Equal("127.0.0.1", Lab().ListenHost);
    }

    [Theory]
    [InlineData("Lab", "loans-model", 8080, "The environment name 'Lab' is not usable")]
    [InlineData("lab", "Loans_Model", 8080, "The service name 'Loans_Model' is not usable")]
    [InlineData("lab", "loans-model", 65533, "The lab port 65533 is out of range")]
    [InlineData("lab", "loans-model", 0, "The lab port 0 is out of range")]
    public void Unusable_names_and_ports_are_refused_with_what_to_use(string name, string service, int port, string message)
    {
        var error = Assert.Throws<ArgumentException>(() => Lab(name: name, service: service, port: port));

        Assert.StartsWith(message, error.Message);
    }
}
