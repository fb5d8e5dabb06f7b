using MlopsBuild.Engine.Git;

namespace MlopsBuild.Engine.Tests.Git;

public sealed class GitWorkTreeStatusTests : IDisposable
{
    readonly GitSandbox sandbox = new();

    public void Dispose() => sandbox.Dispose();

    [Fact]
    public void IsDirty_WithoutGitInstalled_IsUnknown()
    {
        var repository = sandbox.CreateRepository();
        var layout = GitLayout.Find(repository)!;

        Assert.Null(GitWorkTreeStatus.IsDirty(layout, gitExecutable: "git-not-installed-" + Guid.NewGuid().ToString("N")));
    }

    [Fact]
    public void IsDirty_WhenGitFails_IsUnknown()
    {
        var plain = Directory.CreateDirectory(sandbox.In("plain")).FullName;
        var missing = Path.Combine(plain, "missing.git");

        Assert.Null(GitWorkTreeStatus.IsDirty(new GitLayout(plain, missing, missing)));
    }
}
