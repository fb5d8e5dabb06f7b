namespace MlopsBuild.Router.Tests;

/// <summary>The command line as the router reads it: every wrong setting is one message naming the option and its variable.</summary>
public sealed class SettingsTests
{
    [Fact]
    public void Every_setting_is_read_and_the_upstream_is_made_canonical()
    {
        var settings = RouterSettings.Read(["--host", "0.0.0.0", "--port", "8080", "--admin-port=8081", "--upstream", "http://127.0.0.1:9082", "--label", "v3", "--state", "/var/lib/router/state.json"]);

        Assert.Equal(new RouterSettings("0.0.0.0", 8080, 8081, new Uri("http://127.0.0.1:9082/"), "v3", "/var/lib/router/state.json"), settings);
    }

    [Fact]
    public void The_host_defaults_to_loopback_and_the_upstream_to_none()
    {
        var settings = RouterSettings.Read(["--port", "8080", "--admin-port", "8081"]);

        Assert.Equal(new RouterSettings("127.0.0.1", 8080, 8081, null, null, null), settings);
    }

    [Theory]
    [InlineData(new[] { "--admin-port", "8081" }, "No --port (MLOPS_ROUTER_PORT): give the port clients reach the environment on.")]
    [InlineData(new[] { "--port", "8080" }, "No --admin-port (MLOPS_ROUTER_ADMIN_PORT)")]
    [InlineData(new[] { "--port", "0", "--admin-port", "8081" }, "--port (MLOPS_ROUTER_PORT) is '0': give a port number from 1 to 65535.")]
    [InlineData(new[] { "--port", "8080", "--admin-port", "http" }, "--admin-port (MLOPS_ROUTER_ADMIN_PORT) is 'http'")]
    [InlineData(new[] { "--port", "8080", "--admin-port", "8080" }, "--port and --admin-port are both 8080")]
    [InlineData(new[] { "--port", "8080", "--admin-port", "8081", "--host", "router.example" }, "--host (MLOPS_ROUTER_HOST) is 'router.example': give an IP address")]
    [InlineData(new[] { "--port", "8080", "--admin-port", "8081", "--upstream", "127.0.0.1:9082" }, "--upstream (MLOPS_ROUTER_UPSTREAM) is '127.0.0.1:9082': give an absolute http(s) URL")]
    [InlineData(new[] { "--port", "8080", "--admin-port", "8081", "--upstream", "http://127.0.0.1:9082/", "--label", "v 3" }, "--label (MLOPS_ROUTER_LABEL) is 'v 3'")]
    [InlineData(new[] { "--port", "8080", "--admin-port", "8081", "--label", "v3" }, "--label (MLOPS_ROUTER_LABEL) is 'v3' but no upstream is given")]
    [InlineData(new[] { "--port", "8080", "--admin-port", "8081", "--upsteam", "http://127.0.0.1:9082/" }, "Unknown option '--upsteam': the options are --port N --admin-port N")]
    public void A_wrong_setting_is_one_message_naming_the_option(string[] args, string message)
    {
        var error = Assert.Throws<StartupException>(() => RouterSettings.Read(args));

        Assert.Contains(message, error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }
}
