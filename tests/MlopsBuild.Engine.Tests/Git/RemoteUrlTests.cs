using MlopsBuild.Engine.Git;

namespace MlopsBuild.Engine.Tests.Git;

public sealed class RemoteUrlTests
{
    [Theory]
    [InlineData("https://user:token@github.com/org/repo.git", "https://github.com/org/repo.git")]
    [InlineData("https://ghp_token@github.com/org/repo", "https://github.com/org/repo")]
    [InlineData("https://user:p@ss@host:8443/repo", "https://host:8443/repo")]
    [InlineData("https://x-access-token:abc@host", "https://host")]
    [InlineData("ssh://git@github.com/org/repo.git", "ssh://github.com/org/repo.git")]
    [InlineData("https://github.com/org/repo.git", "https://github.com/org/repo.git")]
    [InlineData("https://host/packages/@scope/repo", "https://host/packages/@scope/repo")]
    [InlineData("git@github.com:org/repo.git", "git@github.com:org/repo.git")]
    [InlineData("/srv/git/repo.git", "/srv/git/repo.git")]
    public void StripCredentials_RemovesUserInfoOnly(string url, string expected)
    {
        Assert.Equal(expected, RemoteUrl.StripCredentials(url));
    }
}
