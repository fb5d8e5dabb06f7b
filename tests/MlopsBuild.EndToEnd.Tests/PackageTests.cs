using System.Text.Json;
using MlopsBuild.Testing.Docker;

namespace MlopsBuild.EndToEnd.Tests;

/// <summary>./build.sh Package against the real Docker engine, in a copy of what a fresh clone holds.</summary>
public sealed class PackageTests(RepositoryCloneFixture fixture) : IClassFixture<RepositoryCloneFixture>
{
    [DockerFact]
    public void Package_builds_the_image_of_the_tested_model_and_its_container_serves_the_offline_predictions()
    {
        var result = fixture.Clone.BuildSh("Package");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Smoke test: the container's predictions on 25 test rows equal offline scoring.", result.Output);
        using var image = JsonDocument.Parse(File.ReadAllBytes(fixture.Clone.PathOf("artifacts/package/image.json")));
        Assert.Equal("mlopsbuild/loans-model:v1", image.RootElement.GetProperty("tag").GetString());
        Assert.StartsWith("sha256:", image.RootElement.GetProperty("id").GetString());

        var audit = fixture.Clone.BuildSh("AuditLog");
        Assert.Matches(@"package\s+v1\s+-\s+image mlopsbuild/loans-model:v1", audit.Output);
    }
}
