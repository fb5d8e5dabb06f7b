using MlopsBuild.Containers.Distribution;
using MlopsBuild.Containers.Engine;
using MlopsBuild.Deployment.Environments;
using MlopsBuild.Deployment.History;
using MlopsBuild.Deployment.Rollouts;
using MlopsBuild.Deployment.Smoke;
using MlopsBuild.Engine;
using MlopsBuild.Engine.Definition;
using MlopsBuild.Engine.Parameters;
using MlopsBuild.Learning.Persistence;
using MlopsBuild.Registry;
using MlopsBuild.Registry.Audit;
using MlopsBuild.Registry.Versions;

/// <summary>The lab stage: the packaged image, by digest, deployed blue/green; and what each environment serves.</summary>
partial class Build
{
    [Parameter("Status: only this environment (lab or factory)", Name = "Environment")]
    readonly EnvironmentName? StatusOf = null;

    const string LabAlias = "lab";
    const string FactoryAlias = "factory";

    Target Deploy => _ => _
        .Description("Deploys the packaged model to lab, blue/green: it serves only once it is ready and predicts what it was tested to")
        .DependsOn(Package)
        .Executes(() => FailClearlyAsync(async () =>
        {
            var registry = OpenRegistry();
            using var _ = registry.HoldLock();
            var version = TestedVersion(registry);
            var image = PackagedImage(registry.Audit(), version);
            if (await AlreadyServesAsync(Lab, version, image))
            {
                ReportSection("Deployment to lab", $"lab already served {version.Label} from `{image}`: nothing was deployed.\n");
                return;
            }
            var outcome = await DeployAsync(Lab, version, image, registry);
            registry.SetAlias(LabAlias, version.Number, $"deployed {image}");
            registry.Append(DeploymentAudit.Deployed(DeploymentAudit.Deploy, version.Number, outcome, $"{version.Label} to lab"));
            Note("lab", $"{version.Label} on {Lab.PublicAddress}");
            Note("image", image.ToString());
            ReportSection("Deployment to lab", DeploymentReport(outcome));
        }));

    Target Status => _ => _
        .Description("Shows what lab and factory serve, from which image, and whether they answer (--environment lab|factory for one)")
        .Executes(() => FailClearlyAsync(async () =>
        {
            var environments = StatusOf switch
            {
                EnvironmentName.Lab => [Lab],
                EnvironmentName.Factory => [Factory],
                _ => new[] { Lab, Factory },
            };
            foreach (var environment in environments)
            {
                using var docker = new DockerClient(environment.Engine);
                var status = await EnvironmentInspector.InspectAsync(docker, environment);
                Console.WriteLine($"{environment.Name}: {(status.Healthy ? "healthy" : "NOT healthy")}: {status.Summary}");
            }
        }));

    /// <summary>Deploys <paramref name="version"/>'s image to <paramref name="environment"/>, held to its offline predictions on the test rows.</summary>
    async Task<DeploymentOutcome> DeployAsync(DeploymentEnvironment environment, ModelVersion version, ImageDigestReference image, ModelRegistry registry)
    {
        using var docker = new DockerClient(environment.Engine);
        var deployer = new BlueGreenDeployer(docker, environment, cancellationToken => RouterImageAsync(docker, cancellationToken), Console.WriteLine);
        return await deployer.DeployAsync(ReleaseOf(version, image, registry));
    }

    /// <summary>True when <paramref name="environment"/> already serves <paramref name="version"/> (from <paramref name="image"/>, when given), healthy: deploying it again would only restart it.</summary>
    static async Task<bool> AlreadyServesAsync(DeploymentEnvironment environment, ModelVersion version, ImageDigestReference? image = null)
    {
        using var docker = new DockerClient(environment.Engine);
        var status = await EnvironmentInspector.InspectAsync(docker, environment);
        if (!status.Healthy || status.Label != version.Label || (image is { } expected && status.Image != expected.ToString())) return false;
        Console.WriteLine($"{environment.Name} already serves {version.Label}: {status.Summary}. Nothing to deploy.");
        return true;
    }

    /// <summary>The release of a registered version: its image, and a smoke check against its own model file from the registry.</summary>
    Release ReleaseOf(ModelVersion version, ImageDigestReference image, ModelRegistry registry)
    {
        var model = ModelFile.FromBytes(registry.ReadArtifact(version.Number, ModelArtifact), version.Label);
        var rows = SmokeRowsOf(model);
        return new Release(version.Label, image, (server, cancellationToken) => SmokeTest.RunAsync(server, model, rows, cancellationToken));
    }

    /// <summary>The image <paramref name="version"/> was last packaged and pushed as.</summary>
    static ImageDigestReference PackagedImage(IEnumerable<AuditEntry> audit, ModelVersion version) =>
        DeploymentAudit.PackagedImage(audit, version.Number)
        ?? throw new BuildFailedException($"{version.Label} has no pushed image: run ./build.sh Package (it builds, smoke-tests and pushes it)");
}

/// <summary>The environments a model is served from.</summary>
enum EnvironmentName
{
    Lab,
    Factory,
}
