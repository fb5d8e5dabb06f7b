using System.Diagnostics;
using MlopsBuild.Registry.Audit;
using MlopsBuild.Registry.Storage;
using MlopsBuild.Registry.Tests.CrashHelper;
using MlopsBuild.Registry.Tests.Support;

namespace MlopsBuild.Registry.Tests;

/// <summary>
/// Two kinds of crash. The fault hook stops a write at each step boundary deterministically (an exception, so unlike a
/// real crash the lock is released by dispose and temp files are cleaned); the kill test SIGKILLs a real writer process
/// at whatever instant it is at, which proves nothing about a particular step but everything about what a kill leaves.
/// </summary>
public sealed class CrashTests : IDisposable
{
    readonly RegistryFolder _folder = new();

    sealed class SimulatedCrash : Exception;

    [Theory]
    [InlineData(nameof(RegistryStep.ArtifactsStored), 1)]      // no record yet: the version never existed
    [InlineData(nameof(RegistryStep.RecordWritten), 2)]      // the record is the commit point: the next writer audits it as recovered
    [InlineData(nameof(RegistryStep.RegistrationAudited), 2)]  // only the index was missing: rebuilt
    public void A_registration_stopped_between_steps_leaves_no_half_version(string step, int expectedVersions)
    {
        var crashAt = Enum.Parse<RegistryStep>(step);
        var registry = _folder.Open();
        registry.Register(_folder.Accepted("one"));
        registry.StepReached = step => { if (step == crashAt) throw new SimulatedCrash(); };

        Assert.Throws<SimulatedCrash>(() => registry.Register(_folder.Accepted("two")));

        var reopened = _folder.Open("bob");
        Assert.Equal(expectedVersions, reopened.List().Count);
        var audit = reopened.Audit();
        Assert.Equal(expectedVersions, audit.Count(e => e.Action == AuditActions.Register));
        Assert.Equal(expectedVersions, audit.Count(e => e.Action == AuditActions.Gate));
        Assert.Equal(crashAt == RegistryStep.RecordWritten ? 2 : 0, audit.Count(e => e.Details.ContainsKey("recovered")));
        AssertWhole(reopened);
        Assert.Equal(expectedVersions + 1, reopened.Register(_folder.Accepted("three")).Number);
    }

    [Fact]
    public void An_alias_move_counts_once_its_audit_entry_is_written()
    {
        var registry = _folder.Open();
        registry.Register(_folder.Accepted("one"));
        registry.StepReached = step => { if (step == RegistryStep.AliasAudited) throw new SimulatedCrash(); };

        Assert.Throws<SimulatedCrash>(() => registry.SetAlias("lab", 1, "deploy"));

        Assert.Equal(1, _folder.Open().Resolve("lab").Number);
    }

    [Fact]
    public void A_torn_last_audit_line_is_ignored_and_cut_off_by_the_next_writer()
    {
        var registry = _folder.Open();
        registry.Register(_folder.Accepted("one"));
        File.AppendAllText(_folder.PathOf("audit.jsonl"), "{\"seq\":3,\"at\":\"2026-"); // a crash in the middle of an append

        var reopened = _folder.Open();
        reopened.SetAlias("lab", 1, "deploy");

        Assert.Equal(["register", "gate", "alias"], _folder.Open().Audit().Select(e => e.Action));
    }

    [Fact]
    public void A_writer_killed_at_random_leaves_only_whole_versions_and_a_verifiable_log()
    {
        var reported = 0;
        for (var kill = 0; kill < 2; kill++) reported = Math.Max(reported, RunAndKill(versionsBeforeKill: reported + 3, extraMilliseconds: 7 * kill));

        var registry = _folder.Open("checker");
        var versions = registry.List();
        Assert.True(versions.Count >= reported, $"{versions.Count} versions listed, {reported} reported done");
        Assert.Equal(Enumerable.Range(1, versions.Count).Reverse(), versions.Select(v => v.Number));
        AssertWhole(registry);
        var audit = registry.Audit();
        Assert.All(versions, v => Assert.Single(audit, e => e.Action == AuditActions.Register && e.Version == v.Number));
        Assert.Contains(versions, v => v.Aliases.Contains("lab"));
    }

    /// <returns>The last version the helper reported finished before it was killed.</returns>
    int RunAndKill(int versionsBeforeKill, int extraMilliseconds)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "exec", typeof(RegisterLoop).Assembly.Location, RegisterLoop.Command, _folder.Directory }) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var last = 0;
        try
        {
            while (last < versionsBeforeKill)
            {
                var line = process.StandardOutput.ReadLine()
                           ?? throw new InvalidOperationException($"The helper exited early: {process.StandardError.ReadToEnd()}");
                last = int.Parse(line, System.Globalization.CultureInfo.InvariantCulture);
            }
            Thread.Sleep(extraMilliseconds); // land the kill somewhere else inside the next write
        }
        finally
        {
            process.Kill(entireProcessTree: true); // SIGKILL: no finally blocks, no flush, the kernel drops the lock
            process.WaitForExit();
        }
        return last;
    }

    /// <summary>Every listed version's record and artifacts read back verified.</summary>
    static void AssertWhole(ModelRegistry registry)
    {
        foreach (var summary in registry.List())
        {
            var version = registry.Get(summary.Number);
            foreach (var artifact in version.Artifacts.Keys) Assert.NotEmpty(registry.ReadArtifact(version.Number, artifact));
        }
    }

    public void Dispose() => _folder.Dispose();
}
