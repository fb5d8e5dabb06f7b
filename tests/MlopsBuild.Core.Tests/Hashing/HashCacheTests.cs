using MlopsBuild.Core.Hashing;

namespace MlopsBuild.Core.Tests.Hashing;

public sealed class HashCacheTests : IDisposable
{
    readonly TempDirectory _temp = new();

    string CacheFile => _temp.PathOf(".nuke/temp/hashes.json");

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Entries_survive_save_and_load()
    {
        var path = _temp.Write("data.csv", "1,2,3", TempDirectory.OldTime);
        var cache = HashCache.Load(CacheFile);
        var hash = new ContentHasher(cache).HashFile(path);
        cache.Save();

        var reloaded = new ContentHasher(HashCache.Load(CacheFile));

        Assert.Equal(hash, reloaded.HashFile(path));
        Assert.Equal(0, reloaded.FilesRead);
    }

    [Fact]
    public void Missing_cache_file_is_an_empty_cache()
    {
        Assert.Equal(0, HashCache.Load(CacheFile).Count);
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("")]
    [InlineData("[]")]
    [InlineData("""{"version":1}""")]
    [InlineData("""{"version":1,"files":{"/x":{"size":"big","lastWriteTicks":1,"hash":"sha256:00"}}}""")]
    [InlineData("""{"version":1,"files":{"/x":{"size":1,"lastWriteTicks":1,"hash":null}}}""")]
    [InlineData("""{"version":99,"files":{"/x":{"size":1,"lastWriteTicks":1,"hash":"sha256:00"}}}""")]
    public void Corrupt_or_foreign_cache_file_is_ignored(string content)
    {
        _temp.Write(".nuke/temp/hashes.json", content);

        var cache = HashCache.Load(CacheFile);
        var path = _temp.Write("data.csv", "1,2,3", TempDirectory.OldTime);
        var hasher = new ContentHasher(cache);

        Assert.Equal(0, cache.Count);
        Assert.Equal(ContentHasher.HashText("1,2,3"), hasher.HashFile(path));
        cache.Save();
        Assert.Equal(1, HashCache.Load(CacheFile).Count);
    }

    [Fact]
    public void Save_writes_only_when_something_changed()
    {
        var path = _temp.Write("data.csv", "1,2,3", TempDirectory.OldTime);
        var cache = HashCache.Load(CacheFile);
        var hasher = new ContentHasher(cache);
        hasher.HashFile(path);
        cache.Save();
        File.Delete(CacheFile);

        hasher.HashFile(path);
        cache.Save();

        Assert.False(File.Exists(CacheFile));
    }

    [Fact]
    public void Racy_entries_are_not_stored()
    {
        var path = _temp.Write("fresh.csv", "1,2,3");
        var cache = HashCache.Load(CacheFile);

        new ContentHasher(cache).HashFile(path);
        cache.Save();

        Assert.Equal(0, cache.Count);
        Assert.False(File.Exists(CacheFile));
    }
}
