using MlopsBuild.Containers.Distribution;
using MlopsBuild.Containers.Engine;
using MlopsBuild.Deployment.Environments;
using MlopsBuild.Engine;
using MlopsBuild.Engine.Parameters;

/// <summary>
/// Where models are served: lab (every packaged candidate, for exploration) and factory (production, only through
/// Promote). By default both run on the local Docker engine and the registry .ci/docker.sh starts, on different
/// ports; point them elsewhere with these parameters (or MLOPS_LAB_ENGINE, … in the environment).
/// </summary>
partial class Build
{
    [Parameter("Lab: its Docker engine, unix:///path/docker.sock or tcp://host:port (default: DOCKER_HOST, else the local socket)")]
    readonly string? LabEngine = null;

    [Parameter("Lab: the registry repository Package pushes images to, host:port/path")]
    readonly string LabRepository = "127.0.0.1:5000/loans-model/lab";

    [Parameter("Lab: the port clients call; the next three are its router's admin API and the blue and green slots")]
    readonly int LabPort = 8080;

    [Parameter("Lab: seconds a new deployment has to become ready before it counts as failed")]
    readonly int LabReadyTimeout = 60;

    [Parameter("Factory: its Docker engine, unix:///path/docker.sock or tcp://host:port (default: DOCKER_HOST, else the local socket)")]
    readonly string? FactoryEngine = null;

    [Parameter("Factory: the registry repository Promote copies images to, by digest")]
    readonly string FactoryRepository = "127.0.0.1:5000/loans-model/factory";

    [Parameter("Factory: the port clients call; the next three are its router's admin API and the blue and green slots")]
    readonly int FactoryPort = 9080;

    [Parameter("Factory: seconds a new deployment has to become ready before it counts as failed")]
    readonly int FactoryReadyTimeout = 60;

    [Parameter("Seconds an old slot may take to finish its in-flight requests after a switch")]
    readonly int DrainTimeout = 30;

    [Parameter("The service's name in container names: {service}-{environment}-router|blue|green")]
    readonly string ServiceName = "loans-model";

    DeploymentEnvironment Lab => EnvironmentOf("lab", LabEngine, LabRepository, LabPort, LabReadyTimeout);

    DeploymentEnvironment Factory => EnvironmentOf("factory", FactoryEngine, FactoryRepository, FactoryPort, FactoryReadyTimeout);

    DeploymentEnvironment EnvironmentOf(string name, string? engine, string repository, int port, int readyTimeout)
    {
        try
        {
            if (readyTimeout <= 0 || DrainTimeout < 0)
                throw new ArgumentException($"the ready timeout ({readyTimeout} s) must be positive and the drain timeout ({DrainTimeout} s) not negative.");
            var health = HealthSettings.Default with { ReadyTimeout = TimeSpan.FromSeconds(readyTimeout), DrainTimeout = TimeSpan.FromSeconds(DrainTimeout) };
            return new DeploymentEnvironment(name, engine is null ? DockerEndpoint.FromEnvironment() : DockerEndpoint.Parse(engine),
                RegistryRepository.Parse(repository), port, ServiceName, health);
        }
        catch (ArgumentException e)
        {
            throw new BuildFailedException($"The {name} environment's parameters are not usable: {e.Message}");
        }
    }
}
