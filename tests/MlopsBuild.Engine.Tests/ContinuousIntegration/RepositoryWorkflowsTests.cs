using MlopsBuild.Engine.Tests.Support;

namespace MlopsBuild.Engine.Tests.ContinuousIntegration;

/// <summary>
/// The repository's own generated workflows (.github/workflows/); that they are what build/Build.cs generates is checked
/// end to end (MlopsBuild.EndToEnd.Tests, RepositoryBuildTests).
/// </summary>
public sealed class RepositoryWorkflowsTests
{
    [Fact]
    public void The_committed_workflows_pass_actionlint()
    {
        var folder = Path.Combine(TestSources.RepositoryRoot, ".github", "workflows");
        var workflows = Directory.GetFiles(folder, "*.yml").Order(StringComparer.Ordinal)
            .ToDictionary(path => ".github/workflows/" + Path.GetFileName(path), File.ReadAllText);

        Assert.NotEmpty(workflows);
        Actionlint.AssertValid(workflows);
    }
}
