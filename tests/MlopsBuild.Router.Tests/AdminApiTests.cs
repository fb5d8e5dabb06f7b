using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using MlopsBuild.Router.Tests.Support;

namespace MlopsBuild.Router.Tests;

/// <summary>The admin port: the current upstream and the requests in flight, switching, health and metrics.</summary>
public sealed class AdminApiTests : IAsyncLifetime
{
    TestUpstream blue = null!;
    TestUpstream green = null!;

    public async Task InitializeAsync()
    {
        blue = await TestUpstream.StartAsync("blue");
        green = await TestUpstream.StartAsync("green");
    }

    public async Task DisposeAsync()
    {
        await blue.DisposeAsync();
        await green.DisposeAsync();
    }

    [Fact]
    public async Task Get_upstream_shows_the_upstream_its_label_since_when_and_its_requests_in_flight()
    {
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);
        await using var router = await RunningRouter.StartAsync("--upstream", $"http://127.0.0.1:{blue.Port}", "--label", "v3");

        var status = await router.StatusAsync();

        Assert.Equal(blue.Address, status.GetProperty("upstream").GetString());
        Assert.Equal("v3", status.GetProperty("label").GetString());
        var since = status.GetProperty("since").GetString()!;
        Assert.EndsWith("Z", since);
        Assert.InRange(DateTimeOffset.Parse(since), before, DateTimeOffset.UtcNow);
        Assert.Equal($$"""{"{{blue.Address}}":0}""", status.GetProperty("inFlight").GetRawText());
    }

    [Fact]
    public async Task Without_an_upstream_get_upstream_shows_nulls_and_nothing_in_flight()
    {
        await using var router = await RunningRouter.StartAsync();

        var status = await router.StatusAsync();

        Assert.Equal("""{"upstream":null,"label":null,"since":null,"inFlight":{}}""", status.GetRawText());
    }

    [Fact]
    public async Task Put_upstream_switches_the_public_port_and_answers_the_new_state()
    {
        await using var router = await RunningRouter.StartAsync("--upstream", blue.Address, "--label", "v3");

        var status = await router.SwitchAsync(green.Address, "v4");
        using var response = await router.Public.GetAsync("v2/health/ready");

        Assert.Equal(green.Address, status.GetProperty("upstream").GetString());
        Assert.Equal("v4", status.GetProperty("label").GetString());
        Assert.True(status.GetProperty("inFlight").TryGetProperty(green.Address, out _));
        Assert.Equal(["green"], response.Headers.GetValues(TestUpstream.NameHeader));
        Assert.Equal(["v4"], response.Headers.GetValues(RunningRouter.LabelHeader));
    }

    [Fact]
    public async Task A_switch_without_a_label_clears_the_label()
    {
        await using var router = await RunningRouter.StartAsync("--upstream", blue.Address, "--label", "v3");

        using var put = await router.Admin.PutAsync("upstream", new StringContent($$"""{"upstream":"{{green.Address}}"}"""));
        using var response = await router.Public.GetAsync("anything");

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal(JsonValueKind.Null, (await router.StatusAsync()).GetProperty("label").ValueKind);
        Assert.False(response.Headers.Contains(RunningRouter.LabelHeader));
    }

    [Theory]
    [InlineData("not json", null, "The body is not JSON")]
    [InlineData("""["http://127.0.0.1:9083/"]""", null, "not an object")]
    [InlineData("{}", "upstream", "\"upstream\" must be the new upstream's URL")]
    [InlineData("""{"upstream":42}""", "upstream", "\"upstream\" must be the new upstream's URL")]
    [InlineData("""{"upstream":"ftp://127.0.0.1/"}""", "upstream", "give an absolute http(s) URL")]
    [InlineData("""{"upstream":"/v2/models"}""", "upstream", "give an absolute http(s) URL")]
    [InlineData("""{"upstream":"http://127.0.0.1:9083/?slot=green"}""", "upstream", "without query")]
    [InlineData("""{"upstream":"http://127.0.0.1:9083/","label":4}""", "label", "\"label\" must be a string")]
    [InlineData("""{"upstream":"http://127.0.0.1:9083/","label":"version 4"}""", "label", "printable ASCII characters without spaces")]
    [InlineData("""{"upstream":"http://127.0.0.1:9083/","lable":"v4"}""", "lable", "Unknown field \"lable\"")]
    [InlineData("""{"upstream":"http://127.0.0.1:9083/","label":"v\ud8004"}""", null, "escapes half of a surrogate pair")]
    [InlineData("""{"upstream":"http://127.0.0.1:9083/","lab\udc00el":"v4"}""", null, "escapes half of a surrogate pair")]
    public async Task A_bad_switch_is_a_400_problem_naming_the_field_and_changes_nothing(string body, string? field, string message)
    {
        await using var router = await RunningRouter.StartAsync("--upstream", blue.Address, "--label", "v3");

        using var response = await router.Admin.PutAsync("upstream", new StringContent(body, Encoding.UTF8, "application/json"));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains(message, problem.GetProperty("detail").GetString());
        Assert.Equal(field, problem.TryGetProperty("field", out var named) ? named.GetString() : null);
        Assert.Equal(blue.Address, (await router.StatusAsync()).GetProperty("upstream").GetString());
    }

    [Fact]
    public async Task A_switch_body_that_is_not_utf8_is_a_400_problem_saying_where()
    {
        await using var router = await RunningRouter.StartAsync("--upstream", blue.Address, "--label", "v3");
        var body = Encoding.UTF8.GetBytes("""{"upstream":"http://127.0.0.1:9083/","label":"v4"}""");
        body[^4] = 0xFF; // the label's "v"

        using var response = await router.Admin.PutAsync("upstream", new ByteArrayContent(body));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains($"byte {body.Length - 3} (0xFF) is not valid UTF-8", problem.GetProperty("detail").GetString());
        Assert.Equal(blue.Address, (await router.StatusAsync()).GetProperty("upstream").GetString());
    }

    [Fact]
    public async Task A_switch_body_over_64_KiB_is_refused()
    {
        await using var router = await RunningRouter.StartAsync();

        using var response = await router.Admin.PutAsync("upstream", new StringContent(new string(' ', 65 * 1024) + "{}"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("larger than 65536 bytes", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Health_answers_ok_and_metrics_count_requests_by_label_and_switches()
    {
        await using var router = await RunningRouter.StartAsync("--upstream", blue.Address, "--label", "v3");
        (await router.Public.GetAsync("anything")).Dispose();
        await router.SwitchAsync(green.Address, "v4");

        var health = await router.Admin.GetStringAsync("health");
        var metrics = await router.Admin.GetStringAsync("metrics");

        Assert.Equal("ok", health);
        Assert.Contains("mlops_router_requests_forwarded_total{label=\"v3\"} 1\n", metrics);
        Assert.Contains("mlops_router_switches_total 1\n", metrics);
        Assert.Contains($"mlops_router_in_flight{{upstream=\"{green.Address}\"}} 0\n", metrics);
    }

    [Fact]
    public async Task Other_admin_routes_and_methods_are_problems_that_list_what_there_is()
    {
        await using var router = await RunningRouter.StartAsync();

        using var missing = await router.Admin.GetAsync("v2/health/ready");
        using var wrongMethod = await router.Admin.PostAsync("upstream", new StringContent("{}"));

        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Contains("GET|PUT /upstream, GET /health and GET /metrics", await missing.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.MethodNotAllowed, wrongMethod.StatusCode);
        Assert.Equal(["GET", "PUT"], wrongMethod.Content.Headers.Allow);
    }

    [Fact]
    public async Task The_public_port_forwards_the_admin_paths_too()
    {
        await using var router = await RunningRouter.StartAsync("--upstream", blue.Address);

        var echo = await router.Public.GetFromJsonAsync<Dictionary<string, string>>("upstream");

        Assert.Equal("blue", echo!["name"]);
        Assert.Equal("/upstream", echo["path"]);
    }
}
