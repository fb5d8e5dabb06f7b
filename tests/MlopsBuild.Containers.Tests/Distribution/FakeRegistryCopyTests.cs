using System.Text;
using MlopsBuild.Containers.Distribution;
using MlopsBuild.Testing.Docker;

namespace MlopsBuild.Containers.Tests.Distribution;

/// <summary>Copies where a real registry behaves in ways the local one does not: altered bytes, a declined mount, another registry.</summary>
public sealed class FakeRegistryCopyTests
{
    [Fact]
    public async Task A_manifest_whose_bytes_do_not_hash_to_its_digest_is_refused_and_nothing_is_copied()
    {
        await using var fake = await FakeRegistry.StartAsync();
        var digest = fake.AddImage("team/lab", "tampered");
        fake.Alter(digest, Encoding.UTF8.GetBytes("""{"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json","layers":[]}"""));
        using var registry = new OciRegistryClient(fake.Host);

        var error = await Assert.ThrowsAsync<OciRegistryException>(() =>
            registry.CopyAsync(new ImageDigestReference($"{fake.Host}/team/lab", digest), RegistryRepository.Parse($"{fake.Host}/team/factory"), "v1"));

        Assert.StartsWith($"{fake.Host}/team/lab served bytes for the manifest {digest} that hash to sha256:", error.Message);
        Assert.Contains("they are not that image, and nothing was copied", error.Message);
        Assert.DoesNotContain(fake.Requests, request => request.Contains("/team/factory/"));
    }

    [Fact]
    public async Task A_declined_mount_falls_back_to_streaming_each_blob_into_the_upload_session()
    {
        await using var fake = await FakeRegistry.StartAsync(declinesMounts: true);
        var digest = fake.AddImage("team/lab", "declined");
        using var registry = new OciRegistryClient(fake.Host);
        var factory = RegistryRepository.Parse($"{fake.Host}/team/factory");

        var copied = await registry.CopyAsync(new ImageDigestReference($"{fake.Host}/team/lab", digest), factory, "v1");

        Assert.Equal($"{fake.Host}/team/factory@{digest}", copied.ToString());
        Assert.Equal(digest, await registry.TryGetManifestDigestAsync(factory, "v1"));
        Assert.Equal(2, fake.Requests.Count(request => request.StartsWith("POST /v2/team/factory/blobs/uploads/?mount=sha256:", StringComparison.Ordinal)));
        var uploads = fake.Requests.Where(request => request.StartsWith("PUT /v2/team/factory/blobs/uploads/", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, uploads.Count);
        Assert.All(uploads, upload => Assert.Matches(@"\?_state=opaque%2Bstate&digest=sha256:[0-9a-f]{64}$", upload));
    }

    [DockerFact(NeedsRegistry = true)]
    public async Task Between_registries_an_index_and_its_images_stream_across_and_keep_their_digests()
    {
        await using var fake = await FakeRegistry.StartAsync();
        var seed = Guid.NewGuid().ToString("N");
        var amd64 = fake.AddImage("team/lab", $"{seed}-a");
        var arm64 = fake.AddImage("team/lab", $"{seed}-b");
        var index = fake.AddIndex("team/lab", amd64, arm64);
        using var source = new OciRegistryClient(fake.Host);
        using var target = new OciRegistryClient(DockerRequirement.Registry);
        var factory = RegistryRepository.Parse($"{DockerRequirement.Registry}/mlopsbuild-tests/{seed}/factory");

        var copied = await target.CopyAsync(source, new ImageDigestReference($"{fake.Host}/team/lab", index), factory, "v1");

        Assert.Equal(new ImageDigestReference(factory.ToString(), index), copied);
        Assert.Equal(index, await target.TryGetManifestDigestAsync(factory, "v1"));
        Assert.Equal(amd64, await target.TryGetManifestDigestAsync(factory, amd64));
        Assert.Equal(arm64, await target.TryGetManifestDigestAsync(factory, arm64));
        Assert.Equal(4, fake.Requests.Count(request => request.StartsWith("GET /v2/team/lab/blobs/sha256:", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_copy_from_another_host_without_its_client_says_how_to_copy_between_registries()
    {
        await using var fake = await FakeRegistry.StartAsync();
        using var registry = new OciRegistryClient(fake.Host);
        var source = new ImageDigestReference("ghcr.io/team/lab", "sha256:" + new string('1', 64));

        var error = await Assert.ThrowsAsync<ArgumentException>(() => registry.CopyAsync(source, RegistryRepository.Parse($"{fake.Host}/team/factory"), "v1"));

        Assert.Equal(
            $"{source} is on ghcr.io, not on {fake.Host}: to copy between registries, read it through a client for ghcr.io with " +
            "CopyAsync(sourceRegistry, source, target, tag).", error.Message);
        Assert.Empty(fake.Requests);
    }

    [Fact]
    public async Task A_client_refuses_a_repository_on_another_host()
    {
        await using var fake = await FakeRegistry.StartAsync();
        using var registry = new OciRegistryClient(fake.Host);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => registry.TryGetManifestDigestAsync(RegistryRepository.Parse("ghcr.io/team/model"), "v1"));

        Assert.Equal($"ghcr.io/team/model is on ghcr.io, and this registry client talks to {fake.Host}: use a client for ghcr.io.", error.Message);
    }
}
