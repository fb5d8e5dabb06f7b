using System.Text.RegularExpressions;
using MlopsBuild.Containers.Distribution;
using MlopsBuild.Containers.Engine;

namespace MlopsBuild.Deployment.Environments;

/// <summary>
/// A place models are served from, such as lab or factory: the Docker engine that runs it, the registry repository its
/// images come from, and its ports. The port scheme, from <see cref="Port"/>: the router clients call (Port), the
/// router's admin API (Port + 1), the blue slot (Port + 2) and the green slot (Port + 3). Containers are named
/// <c>{service}-{environment}-router|blue|green</c>, so two environments share one engine without meeting.
/// </summary>
public sealed partial record DeploymentEnvironment
{
    public DeploymentEnvironment(string name, DockerEndpoint engine, RegistryRepository repository, int port, string serviceName, HealthSettings health)
    {
        if (!NamePattern().IsMatch(name))
            throw new ArgumentException($"The environment name '{name}' is not usable: lowercase letters, digits and '-', starting with a letter (e.g. lab, factory).");
        if (!NamePattern().IsMatch(serviceName))
            throw new ArgumentException($"The service name '{serviceName}' is not usable in container names: lowercase letters, digits and '-', starting with a letter.");
        if (port is < 1 or > 65535 - 3)
            throw new ArgumentException($"The {name} port {port} is out of range: it and the three ports after it (router admin, blue, green) must be 1-65535.");
        Name = name;
        Engine = engine;
        Repository = repository;
        Port = port;
        ServiceName = serviceName;
        Health = health;
    }

    public string Name { get; }
    public DockerEndpoint Engine { get; }
    public RegistryRepository Repository { get; }
    public int Port { get; }
    public string ServiceName { get; }
    public HealthSettings Health { get; }

    /// <summary>Where this environment's ports are reached: the engine's host for a TCP engine, else loopback.</summary>
    public string Host => Engine.SocketPath is null ? Engine.BaseAddress.Host : "127.0.0.1";

    /// <summary>What the environment's servers bind to: loopback on a local engine; all interfaces on a remote one, or the build could not reach them.</summary>
    public string ListenHost => Host is "127.0.0.1" or "localhost" or "::1" ? "127.0.0.1" : "0.0.0.0";

    public int AdminPort => Port + 1;

    public int SlotPort(Slot slot) => Port + 2 + (int)slot;

    /// <summary>The address clients call: the router, which forwards to the slot that serves.</summary>
    public Uri PublicAddress => Address(Port);

    public Uri AdminAddress => Address(AdminPort);

    public Uri SlotAddress(Slot slot) => Address(SlotPort(slot));

    public string RouterContainer => $"{ServiceName}-{Name}-router";

    public string SlotContainer(Slot slot) => $"{ServiceName}-{Name}-{slot.Name()}";

    /// <summary>The slot a router upstream address points at, or null when it is neither slot of this environment.</summary>
    public Slot? SlotAt(Uri? upstream) =>
        upstream is null ? null
        : Enum.GetValues<Slot>().Cast<Slot?>().FirstOrDefault(slot => Endpoints.Same(upstream, SlotAddress(slot!.Value)));

    public override string ToString() => $"{Name} ({PublicAddress}, engine {Engine}, images {Repository})";

    Uri Address(int port) => new($"http://{Host}:{port}/");

    [GeneratedRegex("^[a-z][a-z0-9-]{0,40}$")]
    private static partial Regex NamePattern();
}
