namespace MlopsBuild.Registry.Versions;

/// <summary>An artifact's content address ("sha256:" + 64 lowercase hex digits) and size.</summary>
public sealed record ArtifactReference(string Sha256, long Bytes);
