using System.Text.Json;
using MlopsBuild.Engine.Definition;
using MlopsBuild.Engine.Parameters;
using MlopsBuild.Engine.Tests.Support;

namespace MlopsBuild.Engine.Tests.Reports;

public sealed class JobOutputTests : IDisposable
{
    readonly BuildSandbox sandbox = new();

    public void Dispose() => sandbox.Dispose();

    string OutputFile => sandbox.PathOf("github-output.txt");

    void OnGitHubActions()
    {
        sandbox.Environment["GITHUB_ACTIONS"] = "true";
        sandbox.Environment["GITHUB_OUTPUT"] = OutputFile;
    }

    class Package : PipelineBuild
    {
        [Parameter, Secret] readonly string? RegistryPassword = null;
        [Parameter] readonly string OutputName = "image";

        Target Build => _ => _.Executes(() =>
        {
            Output(OutputName, "127.0.0.1:5000/loans@sha256:0a1b2c");
            Output("changes", $"model v7\nlogin {RegistryPassword}\n");
        });

        Target Push => _ => _.DependsOn(Build).Executes(() => Output("image", "again"));
    }

    [Fact]
    public void On_GitHub_Actions_outputs_are_appended_as_name_value_and_multi_line_ones_as_heredocs()
    {
        OnGitHubActions();
        sandbox.Environment["MLOPS_REGISTRY_PASSWORD"] = "hunter2";
        File.WriteAllText(OutputFile, "earlier=step\n");

        var result = sandbox.Run<Package>("Build");

        Assert.Equal(0, result.ExitCode);
        var lines = File.ReadAllText(OutputFile).Split('\n');
        Assert.Equal("earlier=step", lines[0]);
        Assert.Equal("image=127.0.0.1:5000/loans@sha256:0a1b2c", lines[1]);
        Assert.Matches("^changes<<ghadelimiter_[0-9a-f]{32}$", lines[2]);
        Assert.Equal(["model v7", "login ****", ""], lines[3..6]);
        Assert.Equal(lines[2]["changes<<".Length..], lines[6]);
        Assert.Equal("", lines[7]);
        Assert.Equal(8, lines.Length);
    }

    [Fact]
    public void Outputs_are_recorded_in_the_manifest_everywhere_but_written_for_GitHub_only_on_it()
    {
        sandbox.Environment["GITHUB_OUTPUT"] = OutputFile;

        var result = sandbox.Run<Package>("Build", "--registry-password", "hunter2");

        Assert.Equal(0, result.ExitCode);
        Assert.False(File.Exists(OutputFile));
        using var manifest = JsonDocument.Parse(result.Manifest);
        var outputs = manifest.RootElement.GetProperty("outputs");
        Assert.Equal("127.0.0.1:5000/loans@sha256:0a1b2c", outputs.GetProperty("image").GetString());
        Assert.Equal("model v7\nlogin ****\n", outputs.GetProperty("changes").GetString());
    }

    [Theory]
    [InlineData("my image")]
    [InlineData("7th")]
    [InlineData("image=x")]
    [InlineData("image\nevil=1")]
    [InlineData("")]
    public void A_name_GitHub_Actions_would_not_accept_is_refused_with_the_rule(string name)
    {
        OnGitHubActions();

        var result = sandbox.Run<Package>("Build", $"--output-name={name}");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("error: target Build failed: Target Build sets the output", result.Output);
        Assert.Contains("which is not a valid name: an output name starts with a letter or '_' and holds only letters, digits, '-' and '_'", result.Output);
        Assert.False(File.Exists(OutputFile));
    }

    [Fact]
    public void An_output_is_set_once_per_run()
    {
        OnGitHubActions();

        var result = sandbox.Run<Package>("Push", "--output-name", "Image");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("error: target Push failed: Target Push sets the output 'image', which Build already set in this run", result.Output);
        Assert.Single(File.ReadAllLines(OutputFile), line => line.StartsWith("image=", StringComparison.OrdinalIgnoreCase));
    }
}
