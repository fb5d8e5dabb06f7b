using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json;
using MlopsBuild.Containers.Distribution;
using MlopsBuild.Containers.Engine;
using MlopsBuild.Containers.Tests.Docker;
using MlopsBuild.Testing.Docker;

namespace MlopsBuild.Containers.Tests.Distribution;

/// <summary>Promote's copy against the real local registry: an image pushed to lab, copied by digest to factory.</summary>
public sealed class RegistryCopyTests : IAsyncLifetime
{
    readonly DockerClient docker = DockerRequirement.Client();
    readonly ScratchImages scratch;
    readonly RecordingHandler transport = new();
    readonly OciRegistryClient registry;
    readonly string root = PushedImages.UniqueRoot();

    public RegistryCopyTests()
    {
        scratch = new ScratchImages(docker);
        registry = new OciRegistryClient(DockerRequirement.Registry, null, null, transport);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await scratch.DisposeAsync();
        registry.Dispose();
        docker.Dispose();
    }

    [DockerFact(NeedsRegistry = true)]
    public async Task A_copy_puts_the_identical_manifest_in_the_target_mounting_every_blob_and_copying_again_moves_nothing()
    {
        var (_, lab) = await PushedImages.PushAsync(docker, scratch, $"{root}/lab", "echo copied\n");
        var labPath = RegistryRepository.Parse(lab.Repository).Path;
        var factory = RegistryRepository.Parse($"{root}/factory");

        var copied = await registry.CopyAsync(lab, factory, "v1");

        Assert.Equal(lab.WithRepository(factory.ToString()), copied);
        var manifest = await SkopeoRawManifestAsync(copied);
        Assert.Equal(lab.Digest, "sha256:" + Convert.ToHexStringLower(SHA256.HashData(manifest)));
        Assert.Equal(lab.Digest, await registry.TryGetManifestDigestAsync(factory, "v1"));
        var blobs = BlobsOf(manifest);
        Assert.Equal(
            blobs.Select(blob => $"POST /v2/{factory.Path}/blobs/uploads/?mount={blob}&from={Uri.EscapeDataString(labPath)}"),
            transport.Requests.Where(request => request.StartsWith("POST ", StringComparison.Ordinal)));
        Assert.DoesNotContain(transport.Requests, request => request.StartsWith("PUT /v2/" + factory.Path + "/blobs/", StringComparison.Ordinal));

        transport.Clear();
        var again = await registry.CopyAsync(lab, factory, "v1");

        Assert.Equal(copied, again);
        Assert.Equal(
            [$"GET /v2/{labPath}/manifests/{lab.Digest}", $"HEAD /v2/{factory.Path}/manifests/{lab.Digest}", $"PUT /v2/{factory.Path}/manifests/v1"],
            transport.Requests);
    }

    [DockerFact(NeedsRegistry = true)]
    public async Task Copying_a_digest_the_registry_lacks_says_so_and_how_it_gets_there()
    {
        var missing = new ImageDigestReference($"{root}/lab", "sha256:" + new string('0', 64));

        var error = await Assert.ThrowsAsync<OciRegistryException>(() => registry.CopyAsync(missing, RegistryRepository.Parse($"{root}/factory"), "v1"));

        Assert.Equal($"{root}/lab has no image {missing.Digest}: was it pushed (./build.sh Package pushes it)?", error.Message);
    }

    /// <summary>What skopeo, not this client, reads from the registry: the manifest's raw bytes.</summary>
    static async Task<byte[]> SkopeoRawManifestAsync(ImageDigestReference reference)
    {
        var start = new ProcessStartInfo("skopeo", ["inspect", "--tls-verify=false", "--raw", $"docker://{reference}"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var skopeo = Process.Start(start)!;
        using var output = new MemoryStream();
        var stderr = skopeo.StandardError.ReadToEndAsync();
        await skopeo.StandardOutput.BaseStream.CopyToAsync(output);
        await skopeo.WaitForExitAsync();
        Assert.True(skopeo.ExitCode == 0, $"skopeo inspect {reference} failed: {await stderr}");
        return output.ToArray();
    }

    static IReadOnlyList<string> BlobsOf(byte[] manifest)
    {
        using var json = JsonDocument.Parse(manifest);
        var root = json.RootElement;
        return [root.GetProperty("config").GetProperty("digest").GetString()!,
            .. root.GetProperty("layers").EnumerateArray().Select(layer => layer.GetProperty("digest").GetString()!)];
    }
}
