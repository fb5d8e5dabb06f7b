using System.Security.Cryptography;
using MlopsBuild.Containers.Context;

namespace MlopsBuild.Containers.Images;

/// <summary>
/// A filesystem layer made here rather than by the engine's builder: its entries as a deterministic tar (paths from the
/// image's root) in a temporary file deleted on dispose, its diff id (the tar's SHA-256) and the instruction that
/// describes it in the image's history.
/// </summary>
sealed class ImageLayer : IDisposable
{
    readonly FileStream tar;

    ImageLayer(FileStream tar, string diffId, string createdBy)
    {
        this.tar = tar;
        DiffId = diffId;
        CreatedBy = createdBy;
    }

    /// <summary><c>sha256:…</c> of the uncompressed tar.</summary>
    public string DiffId { get; }

    /// <summary>What the image's history says made this layer, e.g. <c>COPY model.mlmodel /model/model.mlmodel</c>.</summary>
    public string CreatedBy { get; }

    public static ImageLayer Create(BuildContext entries, string createdBy)
    {
        var tar = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, bufferSize: 1 << 16, FileOptions.DeleteOnClose);
        try
        {
            entries.WriteTo(tar);
            tar.Position = 0;
            var diffId = $"sha256:{Convert.ToHexStringLower(SHA256.HashData(tar))}";
            return new ImageLayer(tar, diffId, createdBy);
        }
        catch
        {
            tar.Dispose();
            throw;
        }
    }

    /// <summary>The tar from its start; the stream stays this layer's (do not dispose it).</summary>
    public Stream Open()
    {
        tar.Position = 0;
        return tar;
    }

    public void Dispose() => tar.Dispose();
}
