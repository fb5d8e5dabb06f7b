using MlopsBuild.Registry.Versions;
using MlopsBuild.Testing;

namespace MlopsBuild.Registry.Tests.Support;

/// <summary>A registry in a fresh temporary folder, with a hand-moved clock and artifact files beside it.</summary>
internal sealed class RegistryFolder : IDisposable
{
    readonly TemporaryDirectory _temporary = new();

    public ManualClock Clock { get; } = new(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));

    public string Directory => _temporary.File("registry");

    public string Files => _temporary.File("files");

    public ModelRegistry Open(string actor = "alice", TimeSpan? lockTimeout = null) =>
        ModelRegistry.Open(Directory, actor, new RegistryOptions { Clock = Clock, LockTimeout = lockTimeout ?? TimeSpan.FromSeconds(5) });

    public RegistrationRequest Accepted(string modelContent, params (string Name, double Value)[] metrics) => Requests.Accepted(Files, modelContent, metrics);

    public RegistrationRequest Rejected(string modelContent) => Requests.Rejected(Files, modelContent, ("auc", 0.61));

    public string PathOf(params string[] parts) => System.IO.Path.Combine([Directory, .. parts]);

    public void Dispose() => _temporary.Dispose();
}
