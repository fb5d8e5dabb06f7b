using MlopsBuild.Core.Hashing;
using MlopsBuild.Engine.Output;
using MlopsBuild.Engine.Paths;
using MlopsBuild.Engine.Terminal;
using MlopsBuild.Engine.Tests.Support;
using Spectre.Console.Testing;

namespace MlopsBuild.Engine.Tests.Terminal;

public sealed class FileHashingProgressTests : IDisposable
{
    readonly BuildSandbox sandbox = new();
    readonly TestConsole console = new TestConsole().Interactive().SupportsAnsi(true).Width(120);

    public void Dispose()
    {
        console.Dispose();
        sandbox.Dispose();
    }

    [Fact]
    public async Task A_large_file_shows_a_bar_of_the_bytes_hashed_and_a_small_one_none()
    {
        sandbox.Write("data/large.csv", new string('x', 3_000_000));
        sandbox.Write("data/small.csv", "a,b\n");
        var terminal = new BuildTerminal(new BuildOutput(new LiveConsoleWriter(console), new SecretMasker(), false, Verbosity.Normal), console, new ManualClock());
        var progress = new FileHashingProgress(AbsolutePath.Create(sandbox.Root), largeFileBytes: 1_000_000);
        var hasher = new ContentHasher(HashCache.Load(sandbox.PathOf(".nuke/temp/hashes.json")), progress.Report);

        // Inside a task: the terminal is entered on that flow only, as a run enters it.
        await Task.Run(() =>
        {
            BuildTerminal.Enter(terminal);
            hasher.HashDirectory(sandbox.PathOf("data"));
        });

        Assert.Contains("Hashing data/large.csv: 3.0 MB of 3.0 MB", console.Output);
        Assert.DoesNotContain("small.csv", console.Output);
    }
}
