using MlopsBuild.Containers.Engine;
using MlopsBuild.Containers.Images;

namespace MlopsBuild.Containers.Tests.Images;

public sealed class ServerDockerfileTests
{
    static readonly ServerImageSpec Spec = new(
        "mlopsbuild/base:bookworm", "/published", ["/app/Server"], "/artifacts/model.mlmodel", "loans:1", new Dictionary<string, string>());

    [Fact]
    public void The_dockerfile_holds_everything_but_the_model_which_gets_its_own_layer_on_top()
    {
        var lines = ServerDockerfile.For(Spec with { RuntimeFolder = "/dotnet" }).TrimEnd().Split('\n');

        Assert.Equal("FROM mlopsbuild/base:bookworm", lines[0]);
        Assert.Equal("COPY runtime/ /usr/share/dotnet/", lines[1]);
        Assert.Equal("COPY server/ /app/", lines[3]);
        Assert.Equal("""ENTRYPOINT ["/app/Server","--model","/model/model.mlmodel"]""", lines[^1]);
        Assert.DoesNotContain(lines, line => line.Contains("model.mlmodel") && line.StartsWith("COPY"));
        Assert.Contains("USER 10001:10001", lines);
        Assert.DoesNotContain(lines, line => line.StartsWith("EXPOSE"));
    }

    [Fact]
    public void Environment_values_are_quoted_so_the_dockerfile_expands_nothing()
    {
        var dockerfile = ServerDockerfile.For(Spec with
        {
            Environment = new Dictionary<string, string> { ["B"] = "has \"quotes\" and $HOME", ["A"] = @"back\slash" },
        });

        Assert.Contains("ENV A=\"back\\\\slash\"\nENV B=\"has \\\"quotes\\\" and \\$HOME\"\n", dockerfile);
    }

    [Fact]
    public void A_health_check_is_written_in_exec_form_with_its_timings()
    {
        var dockerfile = ServerDockerfile.For(Spec with
        {
            HealthCheck = new HealthCheck(["/app/Server", "--probe"]) { Interval = TimeSpan.FromSeconds(2), StartPeriod = TimeSpan.FromMilliseconds(500) },
        });

        Assert.Contains("""HEALTHCHECK --interval=2000ms --timeout=3000ms --start-period=500ms --retries=3 CMD ["/app/Server","--probe"]""", dockerfile);
    }

    [Fact]
    public void A_server_image_without_an_entrypoint_is_refused_naming_the_image()
    {
        var error = Assert.Throws<ArgumentException>(() => ServerImage.CreateContext(Spec with { Entrypoint = [] }));

        Assert.Contains("The server image loans:1 needs an entrypoint", error.Message);
    }
}
