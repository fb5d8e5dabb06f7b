using MlopsBuild.Containers.Distribution;

namespace MlopsBuild.Containers.Tests.Distribution;

public sealed class AuthenticationChallengeTests
{
    [Fact]
    public void A_bearer_challenge_keeps_the_commas_inside_its_quoted_scope()
    {
        var challenge = AuthenticationChallenge.Parse(
            "Bearer realm=\"https://ghcr.io/token\",service=\"ghcr.io\",scope=\"repository:team/model:pull,push\"");

        Assert.NotNull(challenge);
        Assert.Equal("Bearer", challenge.Scheme);
        Assert.Equal("https://ghcr.io/token", challenge["realm"]);
        Assert.Equal("ghcr.io", challenge["service"]);
        Assert.Equal("repository:team/model:pull,push", challenge["scope"]);
    }

    [Fact]
    public void A_basic_challenge_and_unquoted_values_parse()
    {
        var challenge = AuthenticationChallenge.Parse("Basic realm=registry, charset=UTF-8");

        Assert.NotNull(challenge);
        Assert.Equal(("Basic", "registry", "UTF-8"), (challenge.Scheme, challenge["realm"], challenge["charset"]));
    }
}
