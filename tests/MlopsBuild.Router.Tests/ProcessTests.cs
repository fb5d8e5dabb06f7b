using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MlopsBuild.Router.Tests.Support;
using MlopsBuild.Testing;

namespace MlopsBuild.Router.Tests;

/// <summary>The real process: a setting it cannot use is one line on stderr and exit code 2; SIGTERM lets requests finish.</summary>
public sealed class ProcessTests
{
    [Fact]
    public void Missing_ports_are_one_line_on_stderr_and_exit_code_2()
    {
        var (exitCode, error) = RouterProcess.Run([]);

        Assert.Equal(2, exitCode);
        Assert.Equal("mlops-router: No --port (MLOPS_ROUTER_PORT): give the port clients reach the environment on.", error.TrimEnd());
    }

    [Fact]
    public void A_bad_environment_variable_is_named()
    {
        var (exitCode, error) = RouterProcess.Run([], new Dictionary<string, string> { ["MLOPS_ROUTER_PORT"] = "8080", ["MLOPS_ROUTER_ADMIN_PORT"] = "admin" });

        Assert.Equal(2, exitCode);
        Assert.Contains("--admin-port (MLOPS_ROUTER_ADMIN_PORT) is 'admin'", error);
    }

    [Fact]
    public void An_unreadable_state_file_is_named_with_its_problem_and_no_stack_trace()
    {
        using var folder = new TemporaryDirectory();
        var state = folder.Write("state.json", "{\"upstream\":");

        var (exitCode, error) = RouterProcess.Run(["--port", "1", "--admin-port", "2", "--state", state]);

        Assert.Equal(2, exitCode);
        Assert.StartsWith($"mlops-router: The state file {state} cannot be read:", error);
        Assert.DoesNotContain("   at ", error);
    }

    [Fact]
    public void A_port_in_use_is_exit_code_2_saying_what_to_do()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;

        var (exitCode, error) = RouterProcess.Run(["--port", port.ToString(), "--admin-port", FreePort.Next().ToString()]);

        Assert.Equal(2, exitCode);
        Assert.Contains($"127.0.0.1:{port}", error);
        Assert.Contains("Give --port and --admin-port that no other process listens on.", error);
        Assert.DoesNotContain("   at ", error);
    }

    [Fact]
    public async Task Sigterm_lets_the_request_in_flight_finish_then_exits_0()
    {
        await using var upstream = await TestUpstream.StartAsync("blue");
        var (port, adminPort) = (FreePort.Next(), FreePort.Next());
        using var router = RouterProcess.Start(["--port", port.ToString(), "--admin-port", adminPort.ToString(), "--upstream", upstream.Address, "--label", "v3"]);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        await Poll.UntilAsync(async () => await AnswersAsync(http, $"http://127.0.0.1:{adminPort}/health"), "the router to listen", timeoutSeconds: 30);

        var slow = http.GetAsync($"http://127.0.0.1:{port}/slow");
        await upstream.SlowArrived.WaitAsync(TimeSpan.FromSeconds(10));
        using (var kill = Process.Start("kill", ["-TERM", router.Id.ToString()])) await kill.WaitForExitAsync();
        // Once the router has stopped listening it is draining: the request in flight must still be answered.
        await Poll.UntilAsync(async () => !await AnswersAsync(http, $"http://127.0.0.1:{adminPort}/health"), "the router to stop listening");
        upstream.ReleaseSlow();
        using var response = await slow;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["v3"], response.Headers.GetValues(RunningRouter.LabelHeader));
        Assert.Equal(0, router.WaitForExit());
    }

    static async Task<bool> AnswersAsync(HttpClient http, string url)
    {
        try
        {
            using var response = await http.GetAsync(url);
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }
}
