using System.Net;
using MlopsBuild.Deployment.GitHub;
using MlopsBuild.Deployment.Tests.GitHub.Support;

namespace MlopsBuild.Deployment.Tests.GitHub;

public sealed class GitHubRunReviewsTests : IAsyncLifetime
{
    FakeGitHubApi api = null!;
    readonly HttpClient http = new();

    public async Task InitializeAsync() => api = await FakeGitHubApi.StartAsync();

    [Fact]
    public async Task The_runs_reviews_are_read_with_the_jobs_token()
    {
        api.Reviews(new Review("alice-gh", "approved", "metrics ok", "factory"), new Review("bob-gh", "rejected", null, "lab", "factory"));

        var reviews = await new GitHubRunReviews(http).FetchAsync(api.Context());

        Assert.Equal([("alice-gh", "approved", "metrics ok", "factory"), ("bob-gh", "rejected", "", "lab,factory")],
            reviews.Select(r => (r.Reviewer, r.State, r.Comment, string.Join(',', r.Environments))));
        var request = Assert.Single(api.Requests);
        Assert.Equal(new HttpRequestSeen("GET", "/repos/acme/churn/actions/runs/123/approvals", "Bearer ghs_job_token",
            "application/vnd.github+json", "MlopsBuild", "2022-11-28"), request);
    }

    [Fact]
    public async Task Without_a_token_it_says_how_to_pass_one_and_asks_nothing()
    {
        var error = await Assert.ThrowsAsync<GitHubApprovalsException>(() => new GitHubRunReviews(http).FetchAsync(api.Context(token: null)));

        Assert.Equal("GITHUB_TOKEN is not set, so the run's environment reviews cannot be read. Give the Promote job " +
            "'env: GITHUB_TOKEN: ${{ secrets.GITHUB_TOKEN }}' and 'permissions: actions: read'.", error.Message);
        Assert.Empty(api.Requests);
    }

    public static TheoryData<HttpStatusCode, string> Refusals => new()
    {
        { HttpStatusCode.Unauthorized, "answered 401 Unauthorized (GitHub: 'Bad credentials'): the token was refused. Pass the job's own token: 'env: GITHUB_TOKEN: ${{ secrets.GITHUB_TOKEN }}'." },
        { HttpStatusCode.Forbidden, "answered 403 Forbidden (GitHub: 'Bad credentials'): the token may not read the run's reviews. Give the Promote job 'permissions: actions: read'." },
        { HttpStatusCode.NotFound, "answered 404 Not Found (GitHub: 'Bad credentials'): the run is not visible to the token. Give the Promote job 'permissions: actions: read', and check GITHUB_REPOSITORY and GITHUB_RUN_ID." },
        { HttpStatusCode.BadGateway, "answered 502 Bad Gateway (GitHub: 'Bad credentials'). Re-run the job; if it keeps failing, check https://www.githubstatus.com." },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task A_refusal_names_the_url_and_the_fix(HttpStatusCode status, string expected)
    {
        api.Status = status;
        api.Body = """{"message": "Bad credentials", "documentation_url": "https://docs.github.com/rest"}""";

        var error = await Assert.ThrowsAsync<GitHubApprovalsException>(() => new GitHubRunReviews(http).FetchAsync(api.Context()));

        Assert.Equal($"GET {api.Url}repos/acme/churn/actions/runs/123/approvals {expected}", error.Message);
    }

    [Fact]
    public async Task A_refusal_without_GitHubs_words_still_names_the_status()
    {
        api.Status = HttpStatusCode.NotFound;
        api.Body = "not json";

        var error = await Assert.ThrowsAsync<GitHubApprovalsException>(() => new GitHubRunReviews(http).FetchAsync(api.Context()));

        Assert.StartsWith($"GET {api.Url}repos/acme/churn/actions/runs/123/approvals answered 404 Not Found: the run is not visible", error.Message);
    }

    [Theory]
    [InlineData("""{"message": "hello"}""", "not a JSON array")]
    [InlineData("""[{"environments": [{"name": "factory"}], "state": "approved", "comment": ""}]""", "a review has no user.login")]
    [InlineData("""[{"environments": [{"id": 1}], "state": "approved", "user": {"login": "alice-gh"}}]""", "the review by alice-gh has no list of environment names")]
    [InlineData("""[{"environments": [], "user": {"login": "alice-gh"}}]""", "the review by alice-gh has no state")]
    [InlineData("<html>", "not valid JSON")]
    public async Task An_answer_that_is_not_a_review_history_is_named(string body, string problem)
    {
        api.Body = body;

        var error = await Assert.ThrowsAsync<GitHubApprovalsException>(() => new GitHubRunReviews(http).FetchAsync(api.Context()));

        Assert.StartsWith($"GET {api.Url}repos/acme/churn/actions/runs/123/approvals answered with something other than GitHub's review history ({problem}", error.Message);
        Assert.EndsWith("Check that GITHUB_API_URL is GitHub's API.", error.Message);
    }

    [Fact]
    public async Task An_api_that_does_not_answer_in_time_is_named()
    {
        api.Delay = TimeSpan.FromSeconds(30);
        using var impatient = new HttpClient { Timeout = TimeSpan.FromMilliseconds(200) };

        var error = await Assert.ThrowsAsync<GitHubApprovalsException>(() => new GitHubRunReviews(impatient).FetchAsync(api.Context()));

        Assert.Equal($"GET {api.Url}repos/acme/churn/actions/runs/123/approvals did not answer within 0.2 s. Re-run the job; if it keeps happening, check https://www.githubstatus.com.", error.Message);
    }

    [Fact]
    public async Task An_api_that_cannot_be_reached_is_named()
    {
        var context = api.Context();
        await api.DisposeAsync(); // nothing listens on its port any more

        var error = await Assert.ThrowsAsync<GitHubApprovalsException>(() => new GitHubRunReviews(http).FetchAsync(context));

        Assert.StartsWith($"GET {api.Url}repos/acme/churn/actions/runs/123/approvals failed: ", error.Message);
        Assert.EndsWith("Check GITHUB_API_URL and the runner's network, then re-run the job.", error.Message);
    }

    public async Task DisposeAsync()
    {
        http.Dispose();
        await api.DisposeAsync();
    }
}
