using System.Formats.Tar;
using System.Security.Cryptography;
using System.Text.Json;
using MlopsBuild.Containers.Context;

namespace MlopsBuild.Containers.Images;

/// <summary>
/// A <c>docker save</c> archive (manifest.json, the image configuration, layer tars) for POST /images/load, holding
/// only the new layer's tar: the engine finds every other layer in its own store by the configuration's diff ids.
/// </summary>
static class ImageArchive
{
    /// <summary>Writes the archive to <paramref name="destination"/>; returns the image id it loads as (<c>sha256:…</c>).</summary>
    public static string Write(Stream destination, byte[] configuration, string tag, IReadOnlyList<string> diffIds, ImageLayer? newLayer)
    {
        var configHex = Convert.ToHexStringLower(SHA256.HashData(configuration));
        var configFile = $"{configHex}.json";
        var manifest = JsonSerializer.SerializeToUtf8Bytes(new[]
        {
            new Dictionary<string, object>
            {
                ["Config"] = configFile,
                ["RepoTags"] = new[] { tag },
                ["Layers"] = diffIds.Select(LayerFile).ToArray(),
            },
        });
        using var writer = new TarWriter(destination, TarEntryFormat.Ustar, leaveOpen: true);
        Write(writer, "manifest.json", new MemoryStream(manifest));
        Write(writer, configFile, new MemoryStream(configuration));
        if (newLayer is not null) Write(writer, LayerFile(newLayer.DiffId), newLayer.Open());
        return $"sha256:{configHex}";
    }

    static string LayerFile(string diffId) => $"{diffId["sha256:".Length..]}/layer.tar";

    static void Write(TarWriter writer, string name, Stream content)
    {
        writer.WriteEntry(new UstarTarEntry(TarEntryType.RegularFile, name)
        {
            DataStream = content,
            ModificationTime = BuildContext.FixedModificationTime,
            Mode = BuildContext.RegularFileMode,
        });
    }
}
