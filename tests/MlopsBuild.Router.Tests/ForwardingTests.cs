using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using MlopsBuild.Router.Tests.Support;

namespace MlopsBuild.Router.Tests;

/// <summary>The public port: requests reach the current upstream as they were sent, answers come back as they were given.</summary>
public sealed class ForwardingTests : IAsyncLifetime
{
    TestUpstream blue = null!;

    public async Task InitializeAsync() => blue = await TestUpstream.StartAsync("blue");

    public async Task DisposeAsync() => await blue.DisposeAsync();

    [Fact]
    public async Task A_request_reaches_the_upstream_with_its_method_path_query_body_and_headers()
    {
        await using var router = await RunningRouter.StartAsync("--upstream", blue.Address, "--label", "v3");
        using var request = new HttpRequestMessage(HttpMethod.Patch, "v2/models/loans/infer?a=1&b=two%20words")
        {
            Content = new StringContent("""{"inputs":[1,2]}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Test", "kept");

        using var response = await router.Public.SendAsync(request);
        var echo = await response.Content.ReadFromJsonAsync<Dictionary<string, string>>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("blue", echo!["name"]);
        Assert.Equal("PATCH", echo["method"]);
        Assert.Equal("/v2/models/loans/infer", echo["path"]);
        Assert.Equal("?a=1&b=two%20words", echo["query"]);
        Assert.Equal("""{"inputs":[1,2]}""", echo["body"]);
        Assert.Equal("kept", echo["x-test"]);
        Assert.Equal(["blue"], response.Headers.GetValues(TestUpstream.NameHeader));
        Assert.Equal(["v3"], response.Headers.GetValues(RunningRouter.LabelHeader));
    }

    [Fact]
    public async Task The_upstreams_status_comes_back_unchanged_with_the_label()
    {
        await using var router = await RunningRouter.StartAsync("--upstream", blue.Address, "--label", "v3");

        using var response = await router.Public.GetAsync("anything?status=418");

        Assert.Equal((HttpStatusCode)418, response.StatusCode);
        Assert.Equal(["v3"], response.Headers.GetValues(RunningRouter.LabelHeader));
    }

    [Fact]
    public async Task The_routers_label_replaces_one_the_upstream_sends_itself()
    {
        await using var router = await RunningRouter.StartAsync("--upstream", blue.Address, "--label", "v3");

        using var response = await router.Public.GetAsync("anything?claim=v9");

        Assert.Equal(["v3"], response.Headers.GetValues(RunningRouter.LabelHeader));
    }

    [Fact]
    public async Task An_upstream_without_a_label_answers_without_the_label_header()
    {
        await using var router = await RunningRouter.StartAsync("--upstream", blue.Address);

        using var response = await router.Public.GetAsync("anything");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains(RunningRouter.LabelHeader));
    }

    [Fact]
    public async Task Bodies_too_large_or_too_long_to_hold_for_a_retry_are_streamed_through_intact()
    {
        await using var router = await RunningRouter.StartAsync("--upstream", blue.Address);
        var large = new string('x', 3 * 1024 * 1024);

        using var declared = await router.Public.PostAsync("large", new StringContent(large));
        using var chunkedRequest = new HttpRequestMessage(HttpMethod.Post, "chunked") { Content = new StringContent("chunked body") };
        chunkedRequest.Headers.TransferEncodingChunked = true;
        using var chunked = await router.Public.SendAsync(chunkedRequest);

        Assert.Equal(large, (await declared.Content.ReadFromJsonAsync<Dictionary<string, string?>>())!["body"]);
        var chunkedEcho = await chunked.Content.ReadFromJsonAsync<Dictionary<string, string?>>();
        Assert.Equal("chunked body", chunkedEcho!["body"]);
        Assert.Null(chunkedEcho["content-length"]);
    }

    [Fact]
    public async Task Without_an_upstream_every_request_is_a_503_problem_saying_no_deployment_is_active()
    {
        await using var router = await RunningRouter.StartAsync();

        using var response = await router.Public.PostAsync("v2/models/loans/infer", new StringContent("{}"));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(503, problem.GetProperty("status").GetInt32());
        Assert.Contains("No deployment is active on this router", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task An_upstream_that_cannot_be_reached_is_a_502_problem_naming_it()
    {
        var dead = $"http://127.0.0.1:{FreePort.Next()}/";
        await using var router = await RunningRouter.StartAsync("--upstream", dead, "--label", "v3");

        using var response = await router.Public.PostAsync("v2/models/loans/infer", new StringContent("{}"));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains($"The upstream {dead} (v3) could not be reached", problem.GetProperty("detail").GetString());
        Assert.Contains("Connection refused", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_request_that_cannot_reach_its_upstream_is_retried_on_the_upstream_switched_to_meanwhile()
    {
        await using var router = await RunningRouter.StartAsync("--upstream", $"http://127.0.0.1:{FreePort.Next()}/", "--label", "gone");

        var request = router.Public.PostAsync("v2/models/loans/infer", new StringContent("""{"row":1}"""));
        await Poll.UntilAsync(async () => !(await router.Admin.GetStringAsync("metrics")).Contains("mlops_router_retries_total 0\n"), "a first retry");
        await router.SwitchAsync(blue.Address, "v4");
        using var response = await request;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["v4"], response.Headers.GetValues(RunningRouter.LabelHeader));
        Assert.Equal("""{"row":1}""", (await response.Content.ReadFromJsonAsync<Dictionary<string, string>>())!["body"]);
    }
}
