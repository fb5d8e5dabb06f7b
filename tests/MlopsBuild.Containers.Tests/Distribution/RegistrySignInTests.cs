using MlopsBuild.Containers.Distribution;

namespace MlopsBuild.Containers.Tests.Distribution;

/// <summary>Signing in as registries such as GHCR and Docker Hub ask: Bearer tokens for a scope, or Basic.</summary>
public sealed class RegistrySignInTests
{
    [Fact]
    public async Task A_bearer_challenge_is_answered_with_a_token_for_the_scope_it_names()
    {
        await using var fake = await FakeRegistry.StartAsync(FakeRegistry.SignIn.Bearer);
        var digest = fake.AddImage("team/lab", "bearer", tag: "v1");
        using var registry = new OciRegistryClient(fake.Host, FakeRegistry.User, FakeRegistry.Password);

        await registry.PingAsync();
        var found = await registry.TryGetManifestDigestAsync(RegistryRepository.Parse($"{fake.Host}/team/lab"), "v1");

        Assert.Equal(digest, found);
        Assert.Equal(["robot", "robot scope=repository:team/lab:pull"], fake.TokenRequests);
    }

    [Fact]
    public async Task A_copy_gets_a_push_token_for_the_target_and_its_streamed_uploads_go_with_it()
    {
        // Declined mounts: each blob streams into an upload, a request that cannot be resent after a 401.
        await using var fake = await FakeRegistry.StartAsync(FakeRegistry.SignIn.Bearer, declinesMounts: true);
        var digest = fake.AddImage("team/lab", "bearer-copy");
        using var registry = new OciRegistryClient(fake.Host, FakeRegistry.User, FakeRegistry.Password);

        var copied = await registry.CopyAsync(
            new ImageDigestReference($"{fake.Host}/team/lab", digest), RegistryRepository.Parse($"{fake.Host}/team/factory"), "v1");

        Assert.Equal(digest, copied.Digest);
        Assert.True(fake.Holds("team/factory", digest));
        Assert.Contains("robot scope=repository:team/factory:pull,push", fake.TokenRequests);
    }

    [Fact]
    public async Task Without_credentials_a_token_service_that_wants_them_gives_the_one_clear_message()
    {
        await using var fake = await FakeRegistry.StartAsync(FakeRegistry.SignIn.Bearer);
        using var registry = new OciRegistryClient(fake.Host);

        var error = await Assert.ThrowsAsync<OciRegistryException>(() =>
            registry.TryGetManifestDigestAsync(RegistryRepository.Parse($"{fake.Host}/team/lab"), "v1"));

        Assert.Equal(
            $"{fake.Host} refused to issue a token for repository:team/lab:pull at http://{fake.Host}/token " +
            "(HTTP 401: UNAUTHORIZED incorrect username or password): it wants credentials: give the registry client a username and " +
            $"password (or token) for {fake.Host}, allowed to pull from the source repository and push to the target.", error.Message);
        Assert.Equal(["anonymous scope=repository:team/lab:pull"], fake.TokenRequests);
    }

    [Fact]
    public async Task A_basic_challenge_is_answered_with_the_credentials_and_refused_without_them()
    {
        await using var fake = await FakeRegistry.StartAsync(FakeRegistry.SignIn.Basic);
        var digest = fake.AddImage("team/lab", "basic", tag: "v1");
        var lab = RegistryRepository.Parse($"{fake.Host}/team/lab");
        using var signedIn = new OciRegistryClient(fake.Host, FakeRegistry.User, FakeRegistry.Password);
        using var anonymous = new OciRegistryClient(fake.Host);

        var found = await signedIn.TryGetManifestDigestAsync(lab, "v1");
        var error = await Assert.ThrowsAsync<OciRegistryException>(() => anonymous.TryGetManifestDigestAsync(lab, "v1"));

        Assert.Equal(digest, found);
        Assert.StartsWith($"{fake.Host} refused to look up {fake.Host}/team/lab:v1 (HTTP 401): it wants credentials", error.Message);
    }
}
