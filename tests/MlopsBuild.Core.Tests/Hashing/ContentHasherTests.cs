using System.Security.Cryptography;
using MlopsBuild.Core.Hashing;

namespace MlopsBuild.Core.Tests.Hashing;

public sealed class ContentHasherTests : IDisposable
{
    readonly TempDirectory _temp = new();
    readonly HashCache _cache;
    readonly ContentHasher _hasher;

    public ContentHasherTests()
    {
        _cache = HashCache.Load(_temp.PathOf("cache/hashes.json"));
        _hasher = new ContentHasher(_cache);
    }

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Hash_text_is_sha256_in_lowercase_hex()
    {
        Assert.Equal("sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", ContentHasher.HashText("abc"));
    }

    [Fact]
    public void Same_content_gives_the_same_hash()
    {
        var a = _temp.Write("a.txt", "abc");
        var b = _temp.Write("sub/b.txt", "abc");

        Assert.Equal(_hasher.HashFile(a), _hasher.HashFile(b));
        Assert.Equal(ContentHasher.HashText("abc"), _hasher.HashFile(a));
    }

    [Fact]
    public void Files_larger_than_the_read_buffer_are_hashed_completely()
    {
        var bytes = new byte[3 * 1024 * 1024 + 7];
        new Random(42).NextBytes(bytes);
        var path = _temp.PathOf("large.bin");
        File.WriteAllBytes(path, bytes);

        Assert.Equal("sha256:" + Convert.ToHexStringLower(SHA256.HashData(bytes)), _hasher.HashFile(path));
    }

    [Fact]
    public void Progress_reports_the_bytes_hashed_after_each_buffer_and_then_that_the_file_is_finished()
    {
        var bytes = new byte[2 * 1024 * 1024 + 7];
        var path = _temp.PathOf("large.bin");
        File.WriteAllBytes(path, bytes);
        File.SetLastWriteTimeUtc(path, TempDirectory.OldTime);
        var reports = new List<FileHashProgress>();
        var hasher = new ContentHasher(_cache, reports.Add);

        var hash = hasher.HashFile(path);
        hasher.HashFile(path); // from the cache: not read, not reported

        Assert.Equal("sha256:" + Convert.ToHexStringLower(SHA256.HashData(bytes)), hash);
        long total = bytes.Length;
        Assert.Equal(
            [new(path, 1024 * 1024, total, false), new(path, 2 * 1024 * 1024, total, false), new(path, total, total, false), new FileHashProgress(path, total, total, true)],
            reports);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_file_hashed_while_its_reader_reads_it_has_the_hash_of_its_bytes_and_is_cached(bool inBackground)
    {
        var bytes = new byte[100_000];
        new Random(43).NextBytes(bytes);
        var path = _temp.PathOf("data.bin");
        File.WriteAllBytes(path, bytes);
        File.SetLastWriteTimeUtc(path, TempDirectory.OldTime);

        string hash;
        using (var hashing = _hasher.HashWhileReading(path, inBackground))
        {
            Assert.True(hashing.NeedsBytes);
            foreach (var chunk in bytes.Chunk(30_000)) hashing.Append(chunk);
            hash = hashing.Finish();
            Assert.Equal(bytes.Length, hashing.Bytes);
        }
        using var again = _hasher.HashWhileReading(path);

        Assert.Equal("sha256:" + Convert.ToHexStringLower(SHA256.HashData(bytes)), hash);
        Assert.False(again.NeedsBytes);
        Assert.Equal(hash, again.Finish());
        Assert.Equal(hash, _hasher.HashFile(path));
        Assert.Equal(1, _hasher.FilesRead);
    }

    [Fact]
    public async Task A_background_hash_abandoned_part_way_stops_its_thread()
    {
        var path = _temp.Write("data.csv", "1,2,3", TempDirectory.OldTime);
        var hashing = _hasher.HashWhileReading(path, inBackground: true);
        hashing.Append("1,2"u8);

        await Task.Run(hashing.Dispose).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(0, _hasher.FilesRead);
    }

    [Fact]
    public void A_file_that_grew_while_it_was_read_gets_the_hash_of_the_bytes_read_and_is_not_cached()
    {
        var path = _temp.Write("data.csv", "1,2,3", TempDirectory.OldTime);

        string hash;
        using (var hashing = _hasher.HashWhileReading(path))
        {
            hashing.Append("1,2,3"u8);
            _temp.Write("data.csv", "1,2,3,4", TempDirectory.OldTime);
            hash = hashing.Finish();
        }

        Assert.Equal(ContentHasher.HashText("1,2,3"), hash);
        Assert.Equal(ContentHasher.HashText("1,2,3,4"), _hasher.HashFile(path));
        Assert.Equal(2, _hasher.FilesRead);
    }

    [Fact]
    public void Unchanged_file_with_a_cached_entry_is_not_read_again()
    {
        var path = _temp.Write("data.csv", "1,2,3", TempDirectory.OldTime);

        var first = _hasher.HashFile(path);
        var second = _hasher.HashFile(path);

        Assert.Equal(first, second);
        Assert.Equal(1, _hasher.FilesRead);
    }

    [Fact]
    public void Matching_size_and_mtime_are_trusted_without_reading_the_file()
    {
        // Proves the cached entry is what answers: the content changed, but size and mtime were forged back.
        var path = _temp.Write("data.csv", "1,2,3", TempDirectory.OldTime);
        var before = _hasher.HashFile(path);
        _temp.Write("data.csv", "9,9,9", TempDirectory.OldTime);

        Assert.Equal(before, _hasher.HashFile(path));
        Assert.Equal(1, _hasher.FilesRead);
    }

    [Fact]
    public void Same_size_edit_with_a_different_mtime_is_rehashed()
    {
        var path = _temp.Write("data.csv", "1,2,3", TempDirectory.OldTime);
        var before = _hasher.HashFile(path);
        _temp.Write("data.csv", "9,9,9", TempDirectory.OldTime.AddSeconds(1));

        Assert.NotEqual(before, _hasher.HashFile(path));
        Assert.Equal(ContentHasher.HashText("9,9,9"), _hasher.HashFile(path));
        Assert.Equal(2, _hasher.FilesRead);
    }

    [Fact]
    public void Racy_file_hashed_right_after_it_was_written_is_not_trusted_later()
    {
        // Hashed within the racy window, then edited in "the same tick": same size, same mtime.
        var path = _temp.Write("data.csv", "1,2,3");
        var writtenAt = File.GetLastWriteTimeUtc(path);
        var before = _hasher.HashFile(path);
        _temp.Write("data.csv", "9,9,9", writtenAt);

        Assert.NotEqual(before, _hasher.HashFile(path));
        Assert.Equal(2, _hasher.FilesRead);
        Assert.Equal(0, _cache.Count);
    }

    [Fact]
    public void Directory_hash_is_stable_and_independent_of_location()
    {
        _temp.Write("one/a.txt", "a");
        _temp.Write("one/sub/b.txt", "b");
        _temp.Write("two/a.txt", "a");
        _temp.Write("two/sub/b.txt", "b");

        var one = _hasher.HashDirectory(_temp.PathOf("one"));

        Assert.StartsWith("sha256:", one);
        Assert.Equal(one, _hasher.HashDirectory(_temp.PathOf("one")));
        Assert.Equal(one, _hasher.HashDirectory(_temp.PathOf("two")));
    }

    [Fact]
    public void Directory_hash_changes_when_a_file_is_added_renamed_or_changed()
    {
        var dir = _temp.PathOf("data");
        _temp.Write("data/a.txt", "a", TempDirectory.OldTime);
        var original = _hasher.HashDirectory(dir);

        var added = _temp.Write("data/sub/b.txt", "b", TempDirectory.OldTime);
        var withAdded = _hasher.HashDirectory(dir);
        File.Move(added, _temp.PathOf("data/sub/c.txt"));
        var withRenamed = _hasher.HashDirectory(dir);
        _temp.Write("data/a.txt", "A", TempDirectory.OldTime.AddSeconds(1));
        var withChanged = _hasher.HashDirectory(dir);

        Assert.Equal(4, new[] { original, withAdded, withRenamed, withChanged }.Distinct().Count());
    }

    [Fact]
    public void Empty_directory_has_a_stable_hash_that_differs_from_an_empty_file()
    {
        Directory.CreateDirectory(_temp.PathOf("empty1"));
        Directory.CreateDirectory(_temp.PathOf("empty2"));
        var emptyFile = _temp.Write("empty.txt", "");

        var empty = _hasher.HashDirectory(_temp.PathOf("empty1"));

        Assert.Equal(empty, _hasher.HashDirectory(_temp.PathOf("empty2")));
        Assert.NotEqual(_hasher.HashFile(emptyFile), empty);
    }

    [Fact]
    public void Directory_hashing_reuses_the_per_file_cache()
    {
        for (var i = 0; i < 5; i++) _temp.Write($"data/part-{i}.bin", $"part {i}", TempDirectory.OldTime);

        var first = _hasher.HashDirectory(_temp.PathOf("data"));
        var second = _hasher.HashDirectory(_temp.PathOf("data"));

        Assert.Equal(first, second);
        Assert.Equal(5, _hasher.FilesRead);
    }

    [Fact]
    public void Symlinked_directories_are_not_followed()
    {
        _temp.Write("data/a.txt", "a");
        var plain = _hasher.HashDirectory(_temp.PathOf("data"));
        Directory.CreateSymbolicLink(_temp.PathOf("data/loop"), _temp.PathOf("data"));

        Assert.Equal(plain, _hasher.HashDirectory(_temp.PathOf("data")));
    }

    [Fact]
    public void Symlinked_files_are_hashed_by_their_content()
    {
        _temp.Write("target.txt", "x");
        _temp.Write("data/a.txt", "a");
        File.CreateSymbolicLink(_temp.PathOf("data/link.txt"), _temp.PathOf("target.txt"));
        _temp.Write("copy/a.txt", "a");
        _temp.Write("copy/link.txt", "x");

        Assert.Equal(_hasher.HashDirectory(_temp.PathOf("copy")), _hasher.HashDirectory(_temp.PathOf("data")));
    }

    [Fact]
    public void TryHash_handles_files_directories_and_missing_paths()
    {
        var file = _temp.Write("dir/a.txt", "a");

        Assert.Equal(_hasher.HashFile(file), _hasher.TryHash(file));
        Assert.Equal(_hasher.HashDirectory(_temp.PathOf("dir")), _hasher.TryHash(_temp.PathOf("dir")));
        Assert.Null(_hasher.TryHash(_temp.PathOf("nope")));
    }

    [Fact]
    public void Parallel_hashing_gives_the_same_results_as_sequential()
    {
        var files = Enumerable.Range(0, 64).Select(i => _temp.Write($"f{i}.txt", $"content {i % 8}", TempDirectory.OldTime)).ToArray();

        var parallel = new string[files.Length];
        Parallel.For(0, files.Length * 4, i => parallel[i % files.Length] = _hasher.HashFile(files[i % files.Length]));

        Assert.Equal(files.Select(f => ContentHasher.HashText(File.ReadAllText(f))), parallel);
        Assert.Equal(files.Length, _cache.Count);
    }
}
