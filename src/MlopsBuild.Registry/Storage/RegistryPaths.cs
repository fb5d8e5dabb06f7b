using System.Globalization;

namespace MlopsBuild.Registry.Storage;

/// <summary>
/// The registry's layout: <c>objects/sha256/ab/cdef…</c> (artifacts by content), <c>versions/000007.json</c> (one immutable
/// record per version), <c>audit.jsonl</c> (the hash-chained log), <c>index.json</c> (derived, rebuildable) and the lock files.
/// </summary>
internal sealed class RegistryPaths(string root)
{
    public string Root { get; } = Path.GetFullPath(root);

    public string Objects => Path.Combine(Root, "objects", "sha256");

    public string Versions => Path.Combine(Root, "versions");

    public string Audit => Path.Combine(Root, "audit.jsonl");

    public string Index => Path.Combine(Root, "index.json");

    public string Lock => Path.Combine(Root, "registry.lock");

    public string LockHolder => Path.Combine(Root, "registry.lock.holder");

    public string Record(int version) => Path.Combine(Versions, version.ToString("D6", CultureInfo.InvariantCulture) + ".json");

    /// <param name="sha256">"sha256:" + 64 lowercase hex digits.</param>
    public string Object(string sha256)
    {
        var hex = sha256[ContentAddress.Prefix.Length..];
        return Path.Combine(Objects, hex[..2], hex[2..]);
    }
}
