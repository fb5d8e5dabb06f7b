using MlopsBuild.Deployment.Environments;

namespace MlopsBuild.Deployment.Rollouts;

/// <summary>The labels on an environment's containers, so <c>docker ps --filter label=…</c> shows what serves where.</summary>
public static class DeploymentLabels
{
    public const string Environment = "io.mlopsbuild.deployment.environment";
    public const string Role = "io.mlopsbuild.deployment.role";
    public const string Version = "io.mlopsbuild.deployment.version";
    public const string Image = "io.mlopsbuild.deployment.image";

    public static IReadOnlyDictionary<string, string> Router(DeploymentEnvironment environment) =>
        new Dictionary<string, string> { [Environment] = environment.Name, [Role] = "router" };

    public static IReadOnlyDictionary<string, string> Slot(DeploymentEnvironment environment, Slot slot, Release release) =>
        new Dictionary<string, string>
        {
            [Environment] = environment.Name,
            [Role] = slot.Name(),
            [Version] = release.Label,
            [Image] = release.Image.ToString(),
        };
}
