using MlopsBuild.Deployment.GitHub;

namespace MlopsBuild.Deployment.Tests.GitHub;

public sealed class GitHubActionsContextTests
{
    static Dictionary<string, string> Runner() => new()
    {
        ["GITHUB_ACTIONS"] = "true",
        ["GITHUB_API_URL"] = "https://ghe.example.com/api/v3",
        ["GITHUB_REPOSITORY"] = "acme/churn",
        ["GITHUB_RUN_ID"] = "9876543210",
        ["GITHUB_RUN_ATTEMPT"] = "2",
        ["GITHUB_TOKEN"] = "ghs_secret",
    };

    static GitHubActionsContext? Read(Dictionary<string, string> variables) => GitHubActionsContext.FromEnvironment(variables.GetValueOrDefault);

    [Theory]
    [InlineData(null)]
    [InlineData("false")]
    public void Off_GitHub_Actions_there_is_no_context(string? actions)
    {
        var variables = Runner();
        if (actions is null) variables.Remove("GITHUB_ACTIONS");
        else variables["GITHUB_ACTIONS"] = actions;

        Assert.Null(Read(variables));
    }

    [Fact]
    public void On_GitHub_Actions_the_run_is_read_and_never_printed_with_its_token()
    {
        var context = Read(Runner())!;

        Assert.Equal(new GitHubActionsContext(new Uri("https://ghe.example.com/api/v3"), "acme/churn", 9876543210, 2, "ghs_secret"), context);
        Assert.Equal(new Uri("https://ghe.example.com/api/v3/repos/acme/churn/actions/runs/9876543210/approvals"), context.ApprovalsUrl);
        Assert.Equal("run 9876543210 attempt 2 of acme/churn at https://ghe.example.com/api/v3", context.ToString());
    }

    [Fact]
    public void A_step_without_GITHUB_TOKEN_has_no_token()
    {
        var variables = Runner();
        variables["GITHUB_TOKEN"] = "";

        Assert.Null(Read(variables)!.Token);
    }

    [Theory]
    [InlineData("GITHUB_RUN_ID", null, "GITHUB_RUN_ID is not set although GITHUB_ACTIONS is 'true'. Run the build in a GitHub Actions step, or unset GITHUB_ACTIONS to run it outside one.")]
    [InlineData("GITHUB_REPOSITORY", "acme", "GITHUB_REPOSITORY 'acme' is not 'owner/name'. Leave it as the GitHub Actions runner sets it.")]
    [InlineData("GITHUB_RUN_ID", "latest", "GITHUB_RUN_ID 'latest' is not a run id. Leave it as the GitHub Actions runner sets it.")]
    [InlineData("GITHUB_RUN_ATTEMPT", "0", "GITHUB_RUN_ATTEMPT '0' is not an attempt number. Leave it as the GitHub Actions runner sets it.")]
    [InlineData("GITHUB_API_URL", "api.github.com", "GITHUB_API_URL 'api.github.com' is not an http(s) URL. Leave it as the GitHub Actions runner sets it.")]
    [InlineData("GITHUB_API_URL", "http://api.github.com", "GITHUB_API_URL 'http://api.github.com' is plain http, so GITHUB_TOKEN would travel in clear. Use the https URL of GitHub's API.")]
    public void A_runner_variable_that_is_missing_or_wrong_is_named(string name, string? value, string expected)
    {
        var variables = Runner();
        if (value is null) variables.Remove(name);
        else variables[name] = value;

        Assert.Equal(expected, Assert.Throws<GitHubApprovalsException>(() => Read(variables)).Message);
    }
}
