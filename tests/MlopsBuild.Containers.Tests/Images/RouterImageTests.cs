using MlopsBuild.Containers.Images;
using MlopsBuild.Testing;

namespace MlopsBuild.Containers.Tests.Images;

/// <summary>The router image's recipe; the image itself is built and run in MlopsBuild.Router.Tests.</summary>
public sealed class RouterImageTests
{
    static RouterImageSpec Spec(string folder) => new("mlopsbuild/base:bookworm", folder, "router:1", new Dictionary<string, string>());

    [Fact]
    public void The_router_runs_as_a_non_root_user_from_its_self_contained_folder_with_no_model()
    {
        var lines = RouterImage.DockerfileFor(Spec("/published")).TrimEnd().Split('\n');

        Assert.Equal(
            ["FROM mlopsbuild/base:bookworm", "COPY router/ /app/", "WORKDIR /app", "USER 10001:10001", """ENTRYPOINT ["/app/MlopsBuild.Router"]"""],
            lines);
    }

    [Fact]
    public void A_folder_without_the_published_router_is_refused_with_the_publish_command()
    {
        using var folder = new TemporaryDirectory();
        folder.Write("MlopsBuild.Router.dll", "not the executable");

        var error = Assert.Throws<ArgumentException>(() => RouterImage.CreateContext(Spec(folder.Path)));

        Assert.Contains($"The router image router:1 needs the router published for linux-x64 in {folder.Path}", error.Message);
        Assert.Contains("dotnet publish src/MlopsBuild.Router -c Release -r linux-x64 --self-contained true", error.Message);
    }

    [Fact]
    public void The_context_holds_the_dockerfile_and_the_published_folder_under_router()
    {
        using var folder = new TemporaryDirectory();
        folder.Write("MlopsBuild.Router", "#!/bin/sh");
        folder.Write("lib/extra.so", "x");

        var context = RouterImage.CreateContext(Spec(folder.Path));

        Assert.Equal(["Dockerfile", "router/", "router/MlopsBuild.Router", "router/lib/", "router/lib/extra.so"], context.Paths);
    }
}
