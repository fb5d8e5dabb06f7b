namespace MlopsBuild.Containers.Engine;

/// <summary>What GET /version reports: the engine's release and the API versions it speaks.</summary>
public sealed record DockerVersion(string Version, string ApiVersion, string MinApiVersion, string Os, string Arch);
