using MlopsBuild.Engine.Git;

namespace MlopsBuild.Engine.Tests.Git;

public sealed class GitRepositoryTests : IDisposable
{
    // Tests pass their own environment so that running them on a CI runner does not change the results.
    static readonly Dictionary<string, string?> NoCi = [];

    readonly GitSandbox sandbox = new();

    public void Dispose() => sandbox.Dispose();

    [Fact]
    public void Read_CleanRepository_ReportsHeadCommitBranchAndClean()
    {
        var repository = sandbox.CreateRepository();

        var facts = GitRepository.Read(repository, NoCi);

        Assert.Equal(repository, facts.RepositoryRoot);
        Assert.Equal(sandbox.Git(repository, "rev-parse", "HEAD"), facts.Commit);
        Assert.Equal("main", facts.Branch);
        Assert.False(facts.IsDirty);
        Assert.Null(facts.RemoteUrl);
    }

    [Fact]
    public void Read_FromNestedDirectory_FindsTheWorkTreeRoot()
    {
        var repository = sandbox.CreateRepository();
        var nested = Directory.CreateDirectory(Path.Combine(repository, "src", "models")).FullName;

        var facts = GitRepository.Read(nested + Path.DirectorySeparatorChar, NoCi);

        Assert.Equal(repository, facts.RepositoryRoot);
        Assert.Equal(sandbox.Git(repository, "rev-parse", "HEAD"), facts.Commit);
    }

    [Fact]
    public void Read_AfterEditingTrackedFile_IsDirty()
    {
        var repository = sandbox.CreateRepository();
        File.AppendAllText(Path.Combine(repository, "README.md"), " world");

        Assert.True(GitRepository.Read(repository, NoCi).IsDirty);
    }

    [Fact]
    public void Read_WithUntrackedFile_IsDirty()
    {
        var repository = sandbox.CreateRepository();
        File.WriteAllText(Path.Combine(repository, "data.csv"), "a,b");

        Assert.True(GitRepository.Read(repository, NoCi).IsDirty);
    }

    [Fact]
    public void Read_DetachedHead_HasCommitButNoBranch()
    {
        var repository = sandbox.CreateRepository();
        var first = sandbox.Git(repository, "rev-parse", "HEAD");
        sandbox.Commit(repository, "train.py", "print()");
        sandbox.Git(repository, "checkout", "--quiet", "--detach", first);

        var facts = GitRepository.Read(repository, NoCi);

        Assert.Equal(first, facts.Commit);
        Assert.Null(facts.Branch);
        Assert.False(facts.IsDirty);
    }

    [Fact]
    public void Read_PackedRefs_ResolvesBranchFromPackedRefsFile()
    {
        var repository = sandbox.CreateRepository();
        sandbox.Git(repository, "tag", "--annotate", "v1", "-m", "First release");
        sandbox.Git(repository, "checkout", "--quiet", "-b", "feature/packed");
        sandbox.Commit(repository, "train.py", "print()");
        sandbox.Git(repository, "pack-refs", "--all");
        var packedRefs = File.ReadAllText(Path.Combine(repository, ".git", "packed-refs"));
        Assert.False(File.Exists(Path.Combine(repository, ".git", "refs", "heads", "feature", "packed")));
        Assert.Contains("\n^", packedRefs); // the annotated tag's peeled line must be skipped

        var facts = GitRepository.Read(repository, NoCi);

        Assert.Equal(sandbox.Git(repository, "rev-parse", "HEAD"), facts.Commit);
        Assert.Equal("feature/packed", facts.Branch);
    }

    [Fact]
    public void Read_UnbornBranch_HasBranchButNoCommit()
    {
        var repository = sandbox.CreateRepository(withCommit: false);

        var facts = GitRepository.Read(repository, NoCi);

        Assert.Null(facts.Commit);
        Assert.Equal("main", facts.Branch);
        Assert.False(facts.IsDirty);
    }

    [Fact]
    public void Read_LinkedWorktree_ReadsItsOwnHeadAndTheSharedRefsAndConfig()
    {
        var repository = sandbox.CreateRepository();
        sandbox.Git(repository, "remote", "add", "origin", "https://example.com/org/models.git");
        var worktree = sandbox.In("worktree");
        sandbox.Git(repository, "worktree", "add", "--quiet", "-b", "feature", worktree);
        sandbox.Commit(worktree, "train.py", "print()");
        var worktreeCommit = sandbox.Git(worktree, "rev-parse", "HEAD");
        Assert.NotEqual(sandbox.Git(repository, "rev-parse", "HEAD"), worktreeCommit);

        var facts = GitRepository.Read(worktree, NoCi);

        Assert.Equal(new GitFacts(worktree, worktreeCommit, "feature", false, "https://example.com/org/models.git"), facts);
        Assert.Equal("main", GitRepository.Read(repository, NoCi).Branch);

        sandbox.Git(worktree, "pack-refs", "--all");
        Assert.Equal(worktreeCommit, GitRepository.Read(worktree, NoCi).Commit);
    }

    [Fact]
    public void Read_Submodule_FollowsRelativeGitFile()
    {
        var library = sandbox.CreateRepository("library");
        var superproject = sandbox.CreateRepository("superproject");
        sandbox.Git(superproject, "-c", "protocol.file.allow=always", "submodule", "--quiet", "add", library, "lib");
        var submodule = Path.Combine(superproject, "lib");
        Assert.StartsWith("gitdir: ../", File.ReadAllText(Path.Combine(submodule, ".git")));

        var facts = GitRepository.Read(submodule, NoCi);

        Assert.Equal(submodule, facts.RepositoryRoot);
        Assert.Equal(sandbox.Git(library, "rev-parse", "HEAD"), facts.Commit);
        Assert.Equal(library, facts.RemoteUrl);
    }

    [Fact]
    public void NotARepository_TryReadReturnsNullAndReadNamesTheDirectory()
    {
        var plain = Directory.CreateDirectory(sandbox.In("plain")).FullName;

        Assert.Null(GitRepository.TryRead(plain, NoCi));
        var exception = Assert.Throws<GitException>(() => GitRepository.Read(plain, NoCi));
        Assert.Contains($"'{plain}' is not inside a Git repository", exception.Message);
        Assert.Contains("git init", exception.Message);
    }

    [Fact]
    public void Read_MissingDirectory_Throws()
    {
        Assert.Throws<DirectoryNotFoundException>(() => GitRepository.Read(sandbox.In("missing"), NoCi));
    }

    [Fact]
    public void Read_GitFilePointingNowhere_ThrowsGitException()
    {
        var moved = Directory.CreateDirectory(sandbox.In("moved-worktree")).FullName;
        File.WriteAllText(Path.Combine(moved, ".git"), "gitdir: ../repo/.git/worktrees/gone\n");

        var exception = Assert.Throws<GitException>(() => GitRepository.TryRead(moved, NoCi));
        Assert.Contains("gone", exception.Message);
    }

    [Fact]
    public void Read_ReftableRepository_ThrowsGitExceptionRatherThanReportingNoCommit()
    {
        var repository = sandbox.CreateRepository();
        Directory.CreateDirectory(Path.Combine(repository, ".git", "reftable"));

        var exception = Assert.Throws<GitException>(() => GitRepository.Read(repository, NoCi));
        Assert.Contains("reftable", exception.Message);
    }

    [Theory]
    [InlineData("feature/pr", "12/merge", "branch", "feature/pr")]
    [InlineData("", "release", "branch", "release")]
    [InlineData(null, "release", null, "release")]
    [InlineData("", "v1.0", "tag", null)]
    public void Read_DetachedOnGitHubActions_TakesBranchFromEnvironment(
        string? headRef, string refName, string? refType, string? expected)
    {
        var repository = sandbox.CreateRepository();
        sandbox.Git(repository, "checkout", "--quiet", "--detach");
        var environment = new Dictionary<string, string?>
        {
            ["GITHUB_ACTIONS"] = "true",
            ["GITHUB_HEAD_REF"] = headRef,
            ["GITHUB_REF_NAME"] = refName,
            ["GITHUB_REF_TYPE"] = refType,
        };

        Assert.Equal(expected, GitRepository.Read(repository, environment).Branch);
    }

    [Fact]
    public void Read_GitHubVariablesOutsideActions_AreIgnored()
    {
        var repository = sandbox.CreateRepository();
        sandbox.Git(repository, "checkout", "--quiet", "--detach");

        var facts = GitRepository.Read(repository, new Dictionary<string, string?> { ["GITHUB_REF_NAME"] = "release" });

        Assert.Null(facts.Branch);
    }

    [Fact]
    public void Read_OnGitHubActionsWithBranchCheckedOut_KeepsTheCheckedOutBranch()
    {
        var repository = sandbox.CreateRepository();

        var facts = GitRepository.Read(repository, new Dictionary<string, string?>
        {
            ["GITHUB_ACTIONS"] = "true",
            ["GITHUB_REF_NAME"] = "release",
        });

        Assert.Equal("main", facts.Branch);
    }

    [Fact]
    public void Read_RemoteWithCredentials_ReportsUrlWithoutThem()
    {
        var repository = sandbox.CreateRepository();
        sandbox.Git(repository, "remote", "add", "upstream", "https://example.com/other.git");
        sandbox.Git(repository, "remote", "add", "origin", "https://ci-bot:ghp_s3cret@github.com/org/models.git");

        var facts = GitRepository.Read(repository, NoCi);

        Assert.Equal("https://github.com/org/models.git", facts.RemoteUrl);
    }
}
