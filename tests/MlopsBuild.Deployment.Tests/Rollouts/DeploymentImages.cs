using MlopsBuild.Containers.Distribution;
using MlopsBuild.Containers.Engine;
using MlopsBuild.Containers.Images;
using MlopsBuild.Data.Schema;
using MlopsBuild.Data.Validation;
using MlopsBuild.Deployment.Rollouts;
using MlopsBuild.Deployment.Smoke;
using MlopsBuild.Learning;
using MlopsBuild.Learning.Features;
using MlopsBuild.Learning.Persistence;
using MlopsBuild.Learning.Training;
using MlopsBuild.Learning.Trees;
using MlopsBuild.Testing;
using MlopsBuild.Testing.Docker;

namespace MlopsBuild.Deployment.Tests.Rollouts;

/// <summary>
/// The real pieces of a deployment, made once per test class on first use: the model server and the router published
/// and built into images on the local base, three model versions pushed to the local registry — v1 and v2 (small
/// GBDTs on the sample data) and v3, whose model file is broken, so its server never becomes ready.
/// </summary>
public sealed class DeploymentImages : IAsyncLifetime
{
    readonly TemporaryDirectory folder = new();
    readonly Lazy<Task<Built>> built;

    public DeploymentImages() => built = new(BuildAsync);

    public sealed record Version(string Label, ImageDigestReference Image, TrainedModel? Model);

    public sealed record Built(string RouterImage, Version V1, Version V2, Version V3Broken, FeatureMatrix Rows, ModelSignature Signature)
    {
        public Release Release(Version version, TrainedModel? checkedAgainst = null) =>
            new(version.Label, version.Image, (server, cancellationToken) => SmokeTest.RunAsync(server, checkedAgainst ?? version.Model ?? V1.Model!, Rows, cancellationToken));
    }

    public Task<Built> GetAsync() => built.Value;

    async Task<Built> BuildAsync()
    {
        using var docker = DockerRequirement.Client();
        var baseImage = await DockerRequirement.BaseImageAsync();
        var server = await PublishedApp.PublishAsync("MlopsBuild.Serving", folder.File("server"));
        var router = await PublishedApp.PublishAsync("MlopsBuild.Router", folder.File("router"));
        var routerImage = await RouterImage.BuildAsync(docker, new RouterImageSpec(baseImage.Id, router, Tag("router"), new Dictionary<string, string>()));

        var dataset = TabularDatasetLoader.Load(RepositoryRoot.File("data", "loans.csv"), SchemaFile.Load(RepositoryRoot.File("data", "loans.schema.yaml")));
        var rows = dataset.Data.Features.Select(Enumerable.Range(0, 10).ToArray());
        var repository = RegistryRepository.Parse($"{DockerRequirement.Registry}/mlopsbuild-tests/{Guid.NewGuid():N}/lab");

        async Task<Version> VersionAsync(string label, TrainedModel? model)
        {
            var file = folder.File($"{label}.mlmodel");
            if (model is null) await File.WriteAllTextAsync(file, "not a model file");
            else ModelFile.Save(model, file);
            var image = await ServerImage.BuildAsync(docker, new ServerImageSpec(baseImage.Id, server, [$"{ServerImage.ServerFolder}/MlopsBuild.Serving"], file, Tag(label),
                new Dictionary<string, string>()));
            var pushTag = new ImageReference(repository.ToString(), label);
            await docker.TagImageAsync(image.Id, pushTag);
            var digest = await docker.PushImageAsync(pushTag);
            await docker.RemoveImageAsync(image.Tag);
            return new Version(label, new ImageDigestReference(repository.ToString(), digest), model);
        }

        return new Built(routerImage.Id,
            await VersionAsync("v1", Train(dataset, trees: 6)),
            await VersionAsync("v2", Train(dataset, trees: 9)),
            await VersionAsync("v3", model: null),
            rows, dataset.Signature);
    }

    static TrainedModel Train(TabularDataset dataset, int trees)
    {
        var trainer = new GbdtTrainer(new GbdtOptions { Trees = trees, MaxLeaves = 15, Threads = 1 });
        var predictor = trainer.Fit(dataset.Data, null);
        return new TrainedModel(dataset.Signature, predictor, new TrainingMetadata(trainer.Name, trainer.Parameters, trainer.Seed, "sha256:test", dataset.Data.RowCount));
    }

    static string Tag(string name) => $"mlopsbuild-tests/deploy-{name}:{Guid.NewGuid():N}";

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (built.IsValueCreated && built.Value.IsCompletedSuccessfully)
        {
            using var docker = DockerRequirement.Client();
            var images = built.Value.Result;
            foreach (var version in new[] { images.V1, images.V2, images.V3Broken })
                await docker.RemoveImageAsync(new ImageReference(version.Image.Repository, version.Label).ToString());
            await docker.RemoveImageAsync(images.RouterImage);
        }
        folder.Dispose();
    }
}
