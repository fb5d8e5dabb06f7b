using MlopsBuild.Registry.Errors;
using MlopsBuild.Registry.Tests.Support;

namespace MlopsBuild.Registry.Tests;

public sealed class LockTests : IDisposable
{
    readonly RegistryFolder _folder = new();

    [Fact]
    public void A_second_writer_waits_then_fails_naming_the_holder()
    {
        var holder = _folder.Open("ci-run-17");
        holder.Register(_folder.Accepted("one"));
        var other = _folder.Open("alice", lockTimeout: TimeSpan.FromMilliseconds(300));
        var since = _folder.Clock.Now;

        using (holder.HoldLock())
        {
            var error = Assert.Throws<RegistryLockedException>(() => other.SetAlias("lab", 1, "deploy"));

            Assert.Equal(new LockHolder(Environment.ProcessId, Environment.MachineName, "ci-run-17", since), error.Holder);
            Assert.Contains($"locked by process {Environment.ProcessId} on host '{Environment.MachineName}' (actor 'ci-run-17')", error.Message);
            Assert.Contains("let it finish, then run again", error.Message);
        }

        Assert.Equal(1, other.SetAlias("lab", 1, "deploy").To);
    }

    [Fact]
    public async Task A_waiting_writer_proceeds_once_the_holder_releases()
    {
        var holder = _folder.Open("ci-run-17");
        var waiter = _folder.Open("alice", lockTimeout: TimeSpan.FromSeconds(20));
        var hold = holder.HoldLock();
        holder.Register(_folder.Accepted("one"));
        var request = _folder.Accepted("two");

        var waiting = Task.Run(() => waiter.Register(request));
        await Task.Delay(200);
        Assert.False(waiting.IsCompleted); // still waiting for the lock
        hold.Dispose();

        Assert.Equal(2, (await waiting).Number);
        Assert.Equal([2, 1], _folder.Open().List().Select(v => v.Number));
    }

    [Fact]
    public void Writes_inside_a_held_lock_write_the_index_once_at_release()
    {
        var registry = _folder.Open();
        var emptyIndex = File.ReadAllBytes(_folder.PathOf("index.json"));
        using (registry.HoldLock())
        {
            registry.Register(_folder.Accepted("one"));
            registry.SetAlias("lab", 1, "deploy");
            Assert.Equal(emptyIndex, File.ReadAllBytes(_folder.PathOf("index.json")));
        }

        Assert.NotEqual(emptyIndex, File.ReadAllBytes(_folder.PathOf("index.json")));
        Assert.Equal(1, _folder.Open().Aliases()["lab"]);
    }

    public void Dispose() => _folder.Dispose();
}
