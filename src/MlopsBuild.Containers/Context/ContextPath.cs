using System.Text;

namespace MlopsBuild.Containers.Context;

/// <summary>Checks and normalises a path inside a build context: relative, forward slashes, no "." or "..".</summary>
static class ContextPath
{
    /// <summary>The entry name for <paramref name="path"/>; a directory's ends with '/'.</summary>
    public static string Normalise(string path, bool directory = false)
    {
        var parts = path.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0 || path.StartsWith('/') || parts.Any(part => part is "." or ".."))
            throw new ArgumentException(
                $"'{path}' is not a valid path inside a build context: use a relative path without '.' or '..' parts.", nameof(path));
        var normalised = string.Join('/', parts) + (directory ? "/" : "");
        if (!FitsUstarHeader(normalised))
            throw new ArgumentException(
                $"'{path}' is too long for a build context entry (ustar holds a 155-byte folder and a 100-byte name): shorten it.",
                nameof(path));
        return normalised;
    }

    /// <summary>A ustar header holds a name of 100 bytes, or a prefix of 155 and a non-empty name of 100 split at a '/'.</summary>
    static bool FitsUstarHeader(string path)
    {
        var bytes = Encoding.UTF8.GetByteCount(path);
        if (bytes <= 100) return true;
        for (var slash = path.IndexOf('/'); slash > 0 && slash < path.Length - 1; slash = path.IndexOf('/', slash + 1))
        {
            var prefix = Encoding.UTF8.GetByteCount(path.AsSpan(0, slash));
            if (prefix <= 155 && bytes - prefix - 1 <= 100) return true;
        }
        return false;
    }
}
