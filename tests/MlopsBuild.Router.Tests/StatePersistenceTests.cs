using System.Net;
using System.Text.Json;
using MlopsBuild.Router.Tests.Support;
using MlopsBuild.Testing;

namespace MlopsBuild.Router.Tests;

/// <summary>The state file: every switch is saved, and a restarted router goes on where it was, not where it started.</summary>
public sealed class StatePersistenceTests : IAsyncLifetime
{
    readonly TemporaryDirectory folder = new();
    TestUpstream blue = null!;
    TestUpstream green = null!;

    string StatePath => folder.File("state/router.json");

    public async Task InitializeAsync()
    {
        blue = await TestUpstream.StartAsync("blue");
        green = await TestUpstream.StartAsync("green");
    }

    public async Task DisposeAsync()
    {
        await blue.DisposeAsync();
        await green.DisposeAsync();
        folder.Dispose();
    }

    [Fact]
    public async Task A_restarted_router_comes_back_to_the_upstream_it_was_switched_to_not_its_start_up_one()
    {
        string[] args = ["--upstream", blue.Address, "--label", "v3", "--state", StatePath];
        JsonElement switched;
        await using (var first = await RunningRouter.StartAsync(args))
            switched = await first.SwitchAsync(green.Address, "v4");

        await using var second = await RunningRouter.StartAsync(args);
        var status = await second.StatusAsync();
        using var response = await second.Public.GetAsync("anything");

        Assert.Equal(green.Address, status.GetProperty("upstream").GetString());
        Assert.Equal("v4", status.GetProperty("label").GetString());
        Assert.Equal(switched.GetProperty("since").GetString(), status.GetProperty("since").GetString());
        Assert.Equal(["green"], response.Headers.GetValues(TestUpstream.NameHeader));
    }

    [Fact]
    public async Task The_state_file_holds_the_upstream_its_label_and_since_when_from_the_start()
    {
        await using var router = await RunningRouter.StartAsync("--upstream", blue.Address, "--label", "v3", "--state", StatePath);
        var status = await router.StatusAsync();

        using var saved = JsonDocument.Parse(File.ReadAllText(StatePath));

        Assert.Equal(blue.Address, saved.RootElement.GetProperty("upstream").GetString());
        Assert.Equal("v3", saved.RootElement.GetProperty("label").GetString());
        Assert.Equal(status.GetProperty("since").GetString(), saved.RootElement.GetProperty("since").GetString());
        Assert.Equal([StatePath], Directory.GetFiles(Path.GetDirectoryName(StatePath)!));
    }

    [Theory]
    [InlineData("{", "cannot be read")]
    [InlineData("[]", "it is not a JSON object")]
    [InlineData("""{"label":"v3","since":"2026-01-31T12:00:00.000Z"}""", "it has no \"upstream\"")]
    [InlineData("""{"upstream":"ftp://127.0.0.1/","since":"2026-01-31T12:00:00.000Z"}""", "give an absolute http(s) URL")]
    [InlineData("""{"upstream":"http://127.0.0.1:9082/","label":"v3","since":"yesterday"}""", "\"since\" is 'yesterday'")]
    [InlineData("""{"upstream":"http://127.0.0.1:9082/","label":"v\uD8003","since":"2026-01-31T12:00:00.000Z"}""", "escapes half of a surrogate pair")]
    public void An_unreadable_state_file_stops_the_start_naming_the_file_and_the_problem(string content, string problem)
    {
        File.WriteAllText(folder.File("router.json"), content);
        var settings = RouterSettings.Read(["--port", "1", "--admin-port", "2", "--upstream", blue.Address, "--state", folder.File("router.json")]);

        var error = Assert.Throws<StartupException>(() => RouterProgram.Create(settings));

        Assert.Contains($"The state file {folder.File("router.json")} cannot be read", error.Message);
        Assert.Contains(problem, error.Message);
    }

    [Fact]
    public async Task A_switch_that_cannot_be_saved_is_a_500_and_leaves_the_upstream_unchanged()
    {
        await using var router = await RunningRouter.StartAsync("--upstream", blue.Address, "--label", "v3", "--state", StatePath);
        // A folder where the file should be: no rename can replace it (even as root).
        File.Delete(StatePath);
        Directory.CreateDirectory(StatePath);

        using var response = await router.Admin.PutAsync("upstream", new StringContent($$"""{"upstream":"{{green.Address}}","label":"v4"}"""));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains($"still forwards to {blue.Address}", await response.Content.ReadAsStringAsync());
        Assert.Equal(blue.Address, (await router.StatusAsync()).GetProperty("upstream").GetString());
    }
}
