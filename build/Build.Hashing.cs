using MlopsBuild.Core.Hashing;

partial class Build
{
    /// <summary>
    /// Content hashes through the build's one hash cache (in .nuke/temp): a file unchanged since it was last hashed,
    /// by any stage, is not read again. A large file shows its progress while it is read.
    /// </summary>
    static T Hashing<T>(Func<ContentHasher, T> hash)
    {
        var cache = HashCache.Load(TemporaryDirectory / "data-hash-cache.json");
        var result = hash(new ContentHasher(cache, HashingProgress()));
        cache.Save();
        return result;
    }

    /// <summary>The trained model file's content hash ("sha256:…"), as the registry names its artifacts.</summary>
    static string ModelFileDigest() => Hashing(hasher => hasher.HashFile(ModelFilePath));
}
