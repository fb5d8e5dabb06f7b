using System.Formats.Tar;
using MlopsBuild.Containers.Context;
using MlopsBuild.Testing;

namespace MlopsBuild.Containers.Tests.Context;

[System.Runtime.Versioning.UnsupportedOSPlatform("windows")] // file modes are a Unix notion
public sealed class BuildContextTests : IDisposable
{
    const UnixFileMode Executable = BuildContext.RegularFileMode | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;

    readonly TemporaryDirectory folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void The_same_entries_give_byte_identical_tars_whatever_the_files_timestamps()
    {
        var server = WriteServerFolder();
        var first = Context(server).ToBytes();

        foreach (var file in Directory.EnumerateFiles(server, "*", SearchOption.AllDirectories))
            File.SetLastWriteTimeUtc(file, DateTime.UtcNow.AddDays(-3));
        var second = Context(server).ToBytes();

        Assert.Equal(first, second);
    }

    [Fact]
    public void Entries_read_back_sorted_with_their_content_mode_and_fixed_owner_and_time()
    {
        var server = WriteServerFolder();
        File.SetUnixFileMode(server, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute); // like a temp folder: 0700

        var entries = ReadBack(Context(server).ToBytes());

        Assert.Equal(["Dockerfile", "server/", "server/lib/", "server/lib/data.bin", "server/start.sh"], entries.Select(entry => entry.Name));
        Assert.All(entries, entry =>
        {
            Assert.Equal(BuildContext.FixedModificationTime, entry.ModificationTime);
            Assert.Equal((0, 0), (entry.Uid, entry.Gid));
            Assert.Equal(TarEntryFormat.Ustar, entry.Format);
        });
        var byName = entries.ToDictionary(entry => entry.Name);
        Assert.Equal("FROM scratch\n", byName["Dockerfile"].Text);
        Assert.Equal("#!/bin/sh\necho hi\n", byName["server/start.sh"].Text);
        Assert.Equal(Executable, byName["server/start.sh"].Mode);
        Assert.Equal(BuildContext.RegularFileMode, byName["server/lib/data.bin"].Mode);
        Assert.Equal(TarEntryType.Directory, byName["server/"].Type);
        Assert.Equal(BuildContext.DirectoryMode, byName["server/"].Mode);
    }

    [Fact]
    public void A_path_longer_than_100_bytes_is_split_into_the_ustar_prefix_and_reads_back_whole()
    {
        var longPath = $"{new string('a', 120)}/{new string('b', 90)}.txt";

        var entries = ReadBack(new BuildContext().AddText(longPath, "x").ToBytes());

        Assert.Equal(longPath, Assert.Single(entries).Name);
    }

    [Theory]
    [InlineData("../outside", "without '.' or '..'")]
    [InlineData("/absolute", "relative path")]
    public void A_path_outside_the_context_is_refused_with_the_path_named(string path, string expected)
    {
        var error = Assert.Throws<ArgumentException>(() => new BuildContext().AddText(path, "x"));

        Assert.Contains($"'{path}'", error.Message);
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void A_name_too_long_for_a_ustar_header_is_refused_with_what_to_do()
    {
        var error = Assert.Throws<ArgumentException>(() => new BuildContext().AddText(new string('n', 120), "x"));

        Assert.Contains("too long", error.Message);
        Assert.Contains("shorten it", error.Message);
    }

    [Fact]
    public void Adding_the_same_path_twice_even_spelled_differently_is_refused()
    {
        var context = new BuildContext().AddText("docs/readme", "a");

        var error = Assert.Throws<ArgumentException>(() => context.AddText("docs//readme", "b"));

        Assert.Contains("'docs/readme' is already in the build context", error.Message);
    }

    [Fact]
    public void A_missing_source_folder_is_named_in_the_error()
    {
        var missing = folder.File("not-published");

        var error = Assert.Throws<DirectoryNotFoundException>(() => new BuildContext().AddDirectory("server", missing));

        Assert.Contains(missing, error.Message);
    }

    static BuildContext Context(string server) =>
        new BuildContext().AddDirectory("server", server).AddText("Dockerfile", "FROM scratch\n");

    string WriteServerFolder()
    {
        var start = folder.Write("server/start.sh", "#!/bin/sh\necho hi\n");
        File.SetUnixFileMode(start, Executable);
        File.SetUnixFileMode(folder.Write("server/lib/data.bin", "data"), BuildContext.RegularFileMode);
        return Path.GetDirectoryName(start)!;
    }

    sealed record Entry(string Name, TarEntryType Type, UnixFileMode Mode, int Uid, int Gid, DateTimeOffset ModificationTime, TarEntryFormat Format, string? Text);

    static List<Entry> ReadBack(byte[] tar)
    {
        var entries = new List<Entry>();
        using var reader = new TarReader(new MemoryStream(tar));
        while (reader.GetNextEntry() is { } entry)
            entries.Add(new Entry(entry.Name, entry.EntryType, entry.Mode, entry.Uid, entry.Gid, entry.ModificationTime, entry.Format,
                entry.DataStream is { } data ? new StreamReader(data).ReadToEnd() : null));
        return entries;
    }
}
