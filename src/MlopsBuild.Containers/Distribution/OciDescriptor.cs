namespace MlopsBuild.Containers.Distribution;

/// <summary>What a manifest says of the content it points at (a child manifest, the config or a layer) that a copy needs.</summary>
sealed record OciDescriptor(string Digest, long Size);
