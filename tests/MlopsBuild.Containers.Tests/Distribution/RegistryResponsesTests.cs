using System.Net;
using MlopsBuild.Containers.Distribution;

namespace MlopsBuild.Containers.Tests.Distribution;

public sealed class RegistryResponsesTests
{
    [Fact]
    public async Task A_refusal_carries_the_registrys_error_codes_and_messages()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.BadRequest)
        {
            Content = new StringContent(
                """{"errors":[{"code":"MANIFEST_INVALID","message":"manifest invalid","detail":{}},{"code":"SIZE_INVALID","message":"size mismatch"}]}"""),
        };

        var error = await Assert.ThrowsAsync<OciRegistryException>(() =>
            RegistryResponses.EnsureSuccessAsync(response, "127.0.0.1:5000", "store the manifest x", null, CancellationToken.None));

        Assert.Equal(
            "127.0.0.1:5000 could not store the manifest x (HTTP 400: MANIFEST_INVALID manifest invalid; SIZE_INVALID size mismatch).",
            error.Message);
        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
    }

    [Fact]
    public async Task A_refusal_for_lack_of_rights_says_which_credentials_to_give()
    {
        using var anonymous = new HttpResponseMessage(HttpStatusCode.Unauthorized);
        using var signedIn = new HttpResponseMessage(HttpStatusCode.Forbidden) { Content = new StringContent("""{"errors":[{"code":"DENIED","message":"denied"}]}""") };

        var noCredentials = await Assert.ThrowsAsync<OciRegistryException>(() =>
            RegistryResponses.EnsureSuccessAsync(anonymous, "ghcr.io", "read x", null, CancellationToken.None));
        var wrongCredentials = await Assert.ThrowsAsync<OciRegistryException>(() =>
            RegistryResponses.EnsureSuccessAsync(signedIn, "ghcr.io", "read x", "robot", CancellationToken.None));

        Assert.Equal(
            "ghcr.io refused to read x (HTTP 401): it wants credentials: give the registry client a username and password (or token) " +
            "for ghcr.io, allowed to pull from the source repository and push to the target.", noCredentials.Message);
        Assert.Equal(
            "ghcr.io refused to read x (HTTP 403: DENIED denied): the credentials of 'robot' lack the right: use ones allowed to pull " +
            "from the source repository and push to the target.", wrongCredentials.Message);
    }
}
