using System.Text.Json;
using MlopsBuild.Testing.Docker;

namespace MlopsBuild.EndToEnd.Tests;

/// <summary>./build.sh Package as GitHub Actions runs it, against the real Docker engine and registry (the default lab repository), in a copy of what a fresh clone holds.</summary>
public sealed class PackageTests(RepositoryCloneFixture fixture) : IClassFixture<RepositoryCloneFixture>
{
    [DockerFact(NeedsRegistry = true)]
    public void Package_builds_the_image_of_the_tested_model_its_container_serves_the_offline_predictions_and_it_is_the_image_output()
    {
        var outputs = fixture.Clone.PathOf("github-output.txt");
        var onGitHubActions = new Dictionary<string, string> { ["GITHUB_ACTIONS"] = "true", ["GITHUB_OUTPUT"] = outputs };
        var result = fixture.Clone.BuildShFrom(fixture.Clone.Root, onGitHubActions, "Package");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Smoke test: the container's predictions on 25 test rows equal offline scoring.", result.Output);
        using var image = JsonDocument.Parse(File.ReadAllBytes(fixture.Clone.PathOf("artifacts/package/image.json")));
        Assert.Equal("mlopsbuild/loans-model:v1", image.RootElement.GetProperty("tag").GetString());
        Assert.StartsWith("sha256:", image.RootElement.GetProperty("id").GetString());
        Assert.Matches(@"^127\.0\.0\.1:5000/loans-model/lab@sha256:[0-9a-f]{64}$", image.RootElement.GetProperty("image").GetString());
        Assert.Contains($"Pushed {image.RootElement.GetProperty("image").GetString()}", result.Output);
        Assert.Contains($"image={image.RootElement.GetProperty("image").GetString()}\n", File.ReadAllText(outputs));

        var audit = fixture.Clone.BuildSh("AuditLog");
        Assert.Matches(@"package\s+v1\s+-\s+image 127\.0\.0\.1:5000/loans-model/lab@sha256:", audit.Output);
    }
}
