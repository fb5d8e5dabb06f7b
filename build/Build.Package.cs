using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using MlopsBuild.Containers.Distribution;
using MlopsBuild.Containers.Engine;
using MlopsBuild.Containers.Images;
using MlopsBuild.Core.IO;
using MlopsBuild.Data.Schema;
using MlopsBuild.Deployment.History;
using MlopsBuild.Deployment.Smoke;
using MlopsBuild.Engine;
using MlopsBuild.Engine.Definition;
using MlopsBuild.Engine.Parameters;
using MlopsBuild.Engine.Paths;
using MlopsBuild.Engine.Terminal;
using MlopsBuild.Learning;
using MlopsBuild.Learning.Features;
using MlopsBuild.Learning.Persistence;
using MlopsBuild.Registry;
using MlopsBuild.Registry.Versions;

/// <summary>The package stage: the model server image, built through the Docker Engine API and smoke-tested.</summary>
partial class Build
{
    [Parameter("Base image of the model server (default: the local Debian base LocalBaseImage builds; where images can be pulled, e.g. mcr.microsoft.com/dotnet/runtime-deps:10.0)")]
    readonly string BaseImage = LocalBaseImage.DefaultName;

    [Parameter("Repository of the model server image; the tag is the model version")]
    readonly string ImageRepository = "mlopsbuild/loans-model";

    static AbsolutePath PackageDirectory => ArtifactsDirectory / "package";
    static AbsolutePath PublishedServer => PackageDirectory / "server";
    static AbsolutePath ImageRecord => PackageDirectory / "image.json";

    /// <summary>Rows the smoke test sends: the first test rows, the golden gate's own.</summary>
    const int SmokeRows = 25;

    Target BuildBaseImage => _ => _
        .Description("Builds the local base image (debootstrap + docker import) where none can be pulled; skipped when it exists")
        .Executes(async () =>
        {
            using var docker = DockerClient.FromEnvironment();
            var image = await LocalBaseImage.EnsureAsync(docker, BaseImage, Console.WriteLine);
            Note("base image", $"{BaseImage} ({image.Size / 1_000_000.0:F1} MB)");
        });

    Target Package => _ => _
        .Description("Builds the model server image of the tested model, smoke-tests it (predictions must equal offline scoring) and pushes it to lab's registry")
        .DependsOn(TestModel)
        .Executes(() => FailClearlyAsync(async () =>
        {
            var registry = ModelRegistry.Open(RegistryDirectory, Actor);
            var version = TestedVersion(registry);
            var model = ModelFile.Load(ModelFilePath);
            var lab = Lab;
            using var registryClient = new OciRegistryClient(lab.Repository.Host);
            await registryClient.PingAsync(); // before minutes of building, not after
            PublishSelfContained("MlopsBuild.Serving", PublishedServer);

            using var docker = DockerClient.FromEnvironment();
            if (BaseImage == LocalBaseImage.DefaultName) await LocalBaseImage.EnsureAsync(docker, BaseImage, Console.WriteLine);
            var spec = new ServerImageSpec(BaseImage, PublishedServer, [$"{ServerImage.ServerFolder}/MlopsBuild.Serving"], ModelFilePath,
                $"{ImageRepository}:{version.Label}", ImageLabels(version, model));
            var image = await BuildImageAsync(docker, spec);
            Console.WriteLine($"Built {image.Tag} ({image.Id}, {image.Size / 1_000_000.0:F1} MB).");

            var rows = await SmokeTestAsync(docker, image, model);
            Console.WriteLine($"Smoke test: the container's predictions on {rows} test rows equal offline scoring.");

            var pushed = await PushAsync(docker, image, lab.Repository, version);
            Console.WriteLine($"Pushed {pushed}: from here on the image is referred to by this digest.");
            registry.Append(DeploymentAudit.Packaged(version.Number, pushed, new Dictionary<string, string>
            {
                ["image_id"] = image.Id,
                ["image_tag"] = image.Tag,
                ["image_bytes"] = image.Size.ToString(System.Globalization.CultureInfo.InvariantCulture),
            }));
            AtomicFile.WriteAllText(ImageRecord, JsonSerializer.Serialize(
                new { version = version.Label, tag = image.Tag, id = image.Id, bytes = image.Size, image = pushed.ToString(), digest = pushed.Digest },
                new JsonSerializerOptions { WriteIndented = true }) + "\n");
            Note("image", pushed.ToString());
            Note("size", Megabytes(image.Size));
            ReportSection("Image", ImageReport(version, image, pushed, BaseImage, rows));
            Output("image", pushed.ToString());
        }));

    /// <summary>Builds the model server image, its Dockerfile steps as progress.</summary>
    static async Task<BuiltImage> BuildImageAsync(DockerClient docker, ServerImageSpec spec)
    {
        using var building = Progress($"Building {spec.Tag}");
        return await ServerImage.BuildAsync(docker, spec, line => Console.WriteLine(line.TrimEnd()),
            step => building.Report(step.Number, step.Count, $"step {step.Number}/{step.Count}: {step.Instruction}"));
    }

    /// <summary>Tags the image as {repository}:{version} and pushes it, its bytes as progress; returns what the registry stored, by digest.</summary>
    static async Task<ImageDigestReference> PushAsync(DockerClient docker, BuiltImage image, RegistryRepository repository, ModelVersion version)
    {
        var tag = new ImageReference(repository.ToString(), version.Label);
        await docker.TagImageAsync(image.Id, tag);
        using var pushing = Progress($"Pushing {tag}", unit: ProgressUnit.Bytes);
        var transfer = new ImageTransferProgress();
        var digest = await docker.PushImageAsync(tag, line => Console.WriteLine(line.TrimEnd()), layer =>
        {
            transfer.Add(layer);
            if (transfer.BytesTotal > 0) pushing.Report(transfer.BytesDone, transfer.BytesTotal);
        });
        return new ImageDigestReference(repository.ToString(), digest);
    }

    /// <summary>The registered version of artifacts/model/model.mlmodel; it must have passed its gates.</summary>
    static ModelVersion TestedVersion(ModelRegistry registry)
    {
        var hash = ModelFileDigest();
        foreach (var summary in registry.List())
        {
            var version = registry.Get(summary.Number);
            if (!version.Artifacts.TryGetValue(ModelArtifact, out var artifact) || artifact.Sha256 != hash) continue;
            return version.Accepted
                ? version
                : throw new BuildFailedException($"{version.Label} (this model) was rejected by TestModel: {string.Join("; ", version.RejectionReasons)}. Only a model that passed its gates is packaged");
        }
        throw new BuildFailedException($"{Display(ModelFilePath)} is not registered: run TestModel first (./build.sh Package runs it)");
    }

    /// <summary>
    /// An app of src/ (the model server, the router) published self-contained for linux-x64: the local base image has
    /// no .NET, and one folder is simpler to ship than a runtime beside it (see the README for the measured trade-off).
    /// Restored first and published with --no-restore: a publish that restored by itself would restore the app's
    /// references for linux-x64 too, which their lock files (and CI's locked restore) do not allow.
    /// </summary>
    static void PublishSelfContained(string app, AbsolutePath output)
    {
        var project = RootDirectory / "src" / app;
        DotNet("restore", project);
        DotNet("publish", project, "--no-restore", "-c", "Release", "-r", "linux-x64", "--self-contained", "true", "-o", output);
    }

    /// <summary>OCI annotations and the lineage a running container can be traced back by.</summary>
    Dictionary<string, string> ImageLabels(ModelVersion version, TrainedModel model) => new(StringComparer.Ordinal)
    {
        ["org.opencontainers.image.title"] = ImageRepository,
        ["org.opencontainers.image.version"] = version.Label,
        ["org.opencontainers.image.revision"] = version.Lineage.Git?.Commit ?? "unknown",
        ["io.mlopsbuild.model.version"] = version.Label,
        ["io.mlopsbuild.model.digest"] = version.Artifacts[ModelArtifact].Sha256,
        ["io.mlopsbuild.data.fingerprint"] = model.Metadata.DataFingerprint,
    };

    /// <summary>Runs the image on a free loopback port, waits until it is ready, holds its predictions to offline scoring, removes it.</summary>
    async Task<int> SmokeTestAsync(DockerClient docker, BuiltImage image, TrainedModel model)
    {
        var rows = SmokeRowsOf(model);
        var port = FreeLoopbackPort();
        var container = await docker.CreateContainerAsync(new ContainerSpec(image.Id) { Command = ["--host", "127.0.0.1", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture)] });
        try
        {
            await docker.StartContainerAsync(container);
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(10) };
            var server = new ModelServerClient(http);
            await server.WaitReadyAsync(TimeSpan.FromSeconds(30), async () => (await docker.InspectContainerAsync(container))?.Running == true);
            return await SmokeTest.RunAsync(server, model, rows);
        }
        catch (SmokeTestException e)
        {
            var logs = await docker.ContainerLogsAsync(container);
            throw new BuildFailedException($"The image {image.Tag} failed its smoke test: {e.Message}. Its output:\n{logs.Stdout}{logs.Stderr}");
        }
        finally
        {
            await docker.RemoveContainerAsync(container);
        }
    }

    /// <summary>The rows every smoke test sends: the model's first test rows, featurized as it featurizes them.</summary>
    FeatureMatrix SmokeRowsOf(TrainedModel model)
    {
        var (dataset, testRows) = HeldOutRows(model, SchemaFile.Load(Schema));
        return dataset.Data.Features.Select(testRows.AsSpan(0, Math.Min(SmokeRows, testRows.Length)));
    }

    static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
