namespace MlopsBuild.Containers.Images;

/// <summary>An image just built: its id (<c>sha256:…</c>), the tag it was given and its size in bytes.</summary>
public sealed record BuiltImage(string Id, string Tag, long Size);
