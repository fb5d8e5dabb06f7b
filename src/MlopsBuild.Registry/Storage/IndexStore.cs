using System.Text;
using System.Text.Json;
using MlopsBuild.Core.IO;
using MlopsBuild.Registry.Errors;

namespace MlopsBuild.Registry.Storage;

/// <summary>
/// Reads and writes <c>index.json</c>: a first line with the SHA-256 of the rest, then the JSON. A damaged or hand-edited
/// index is reported, never used; deleting it is always safe (it is rebuilt from the records and the audit log).
/// </summary>
internal sealed class IndexStore(RegistryPaths paths)
{
    public string Path => paths.Index;

    /// <summary>The index's identity on disk: it is reparsed only when this changes.</summary>
    public (long Length, DateTime LastWriteUtc)? Stamp()
    {
        var info = new FileInfo(paths.Index);
        return info.Exists ? (info.Length, info.LastWriteTimeUtc) : null;
    }

    /// <returns>null when there is no index yet.</returns>
    public RegistryState? Load()
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(paths.Index);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
        var newline = Array.IndexOf(bytes, (byte)'\n');
        var body = newline < 0 ? [] : bytes.AsSpan(newline + 1);
        if (newline < 0 || Encoding.ASCII.GetString(bytes, 0, newline) != ContentAddress.Of(body)) throw Corrupt("its checksum does not match its content");
        try
        {
            var file = JsonSerializer.Deserialize(body, RegistryJson.Default.IndexFile);
            if (file is null || file.Format != IndexFile.CurrentFormat) throw Corrupt($"it is not a format-{IndexFile.CurrentFormat} index");
            return RegistryState.FromFile(file);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            throw Corrupt(e.Message);
        }
    }

    public void Save(RegistryState state)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(state.ToFile(), RegistryJson.Default.IndexFile);
        var header = Encoding.ASCII.GetBytes(ContentAddress.Of(body) + "\n");
        AtomicFile.WriteAllBytes(paths.Index, [.. header, .. body]);
    }

    RegistryCorruptException Corrupt(string problem) =>
        new($"The registry index '{paths.Index}' is corrupt: {problem}. It is not used; delete it and it is rebuilt from the version records and the audit log.",
            paths.Index);
}
