using MlopsBuild.Engine.Git;

namespace MlopsBuild.Engine.Tests.Git;

public sealed class GitConfigFileTests
{
    [Fact]
    public void ParseOriginUrl_SkipsOtherSectionsAndTakesTheFirstUrl()
    {
        string[] config =
        [
            "[core]",
            "\turl = https://not-a-remote.example",
            "[remote \"upstream\"]",
            "\turl = https://upstream.example/repo.git",
            "[remote \"origin\"]",
            "\tfetch = +refs/heads/*:refs/remotes/origin/*",
            "\turl = https://origin.example/repo.git",
            "\turl = https://push-mirror.example/repo.git",
        ];

        Assert.Equal("https://origin.example/repo.git", GitConfigFile.ParseOriginUrl(config));
    }

    [Theory]
    [InlineData("  URL = \"/srv/my repo.git\" ; comment", "/srv/my repo.git")]
    [InlineData("url=https://host/repo.git # comment", "https://host/repo.git")]
    [InlineData("url = \"C:\\\\repos\\\\a#b.git\"", "C:\\repos\\a#b.git")]
    public void ParseOriginUrl_HandlesQuotesEscapesAndComments(string line, string expected)
    {
        Assert.Equal(expected, GitConfigFile.ParseOriginUrl(["[remote \"origin\"]", line]));
    }

    [Fact]
    public void ParseOriginUrl_JoinsContinuationLines()
    {
        Assert.Equal("https://host/org/repo.git", GitConfigFile.ParseOriginUrl(["[remote \"origin\"]", "url = https://host/\\", "org/repo.git"]));
    }

    [Theory]
    [InlineData("[Remote \"origin\"]", "https://host/repo.git")]
    [InlineData("[remote.Origin]", "https://host/repo.git")]
    [InlineData("[remote \"Origin\"]", null)]
    public void ParseOriginUrl_MatchesSectionNamesLikeGit(string header, string? expected)
    {
        Assert.Equal(expected, GitConfigFile.ParseOriginUrl([header, "url = https://host/repo.git"]));
    }

    [Fact]
    public void ParseOriginUrl_KeyOnHeaderLine()
    {
        Assert.Equal("https://host/repo.git", GitConfigFile.ParseOriginUrl(["[remote \"origin\"] url = https://host/repo.git"]));
    }
}
