using System.Security.Cryptography;
using MlopsBuild.Registry.Errors;
using MlopsBuild.Registry.Versions;

namespace MlopsBuild.Registry.Storage;

/// <summary>Artifacts stored once by content hash; every read is checked against the hash the version recorded.</summary>
internal sealed class ObjectStore(RegistryPaths paths)
{
    const int BufferSize = 1 << 16;

    /// <summary>Copies a file in (hashing the very bytes written), fsyncs and renames it to its content address.</summary>
    public ArtifactReference Store(string artifactName, string sourceFile)
    {
        if (!File.Exists(sourceFile))
            throw new RegistryException($"Cannot register artifact '{artifactName}': the file '{Path.GetFullPath(sourceFile)}' does not exist. Produce it first (e.g. run Train) or fix the path.");
        Directory.CreateDirectory(paths.Objects);
        var temporary = Path.Combine(paths.Objects, $".incoming.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            ArtifactReference reference;
            using (var source = new FileStream(sourceFile, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, FileOptions.SequentialScan))
            using (var target = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize))
            using (var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256))
            {
                var buffer = new byte[BufferSize];
                int read;
                while ((read = source.Read(buffer, 0, buffer.Length)) > 0)
                {
                    hash.AppendData(buffer, 0, read);
                    target.Write(buffer, 0, read);
                }
                target.Flush(flushToDisk: true);
                reference = new ArtifactReference(ContentAddress.Format(hash.GetHashAndReset()), target.Length);
            }
            var final = paths.Object(reference.Sha256);
            // The same content may already be stored (identical artifacts across versions); a damaged copy is replaced.
            if (!File.Exists(final) || !Matches(final, reference))
            {
                Directory.CreateDirectory(Path.GetDirectoryName(final)!);
                File.Move(temporary, final, overwrite: true);
            }
            return reference;
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }

    public byte[] Read(int version, string artifactName, ArtifactReference reference)
    {
        var path = paths.Object(reference.Sha256);
        byte[] content;
        try
        {
            content = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw Missing(version, artifactName, path, e);
        }
        var actual = ContentAddress.Of(content);
        if (content.LongLength != reference.Bytes || actual != reference.Sha256) throw Mismatch(version, artifactName, path, reference, actual, content.LongLength);
        return content;
    }

    /// <summary>Verifies the whole file, then hands back the same open handle rewound to the start.</summary>
    public Stream Open(int version, string artifactName, ArtifactReference reference)
    {
        var path = paths.Object(reference.Sha256);
        FileStream stream;
        try
        {
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw Missing(version, artifactName, path, e);
        }
        try
        {
            var actual = ContentAddress.Format(SHA256.HashData(stream));
            if (stream.Length != reference.Bytes || actual != reference.Sha256) throw Mismatch(version, artifactName, path, reference, actual, stream.Length);
            stream.Position = 0;
            return stream;
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    static bool Matches(string path, ArtifactReference reference)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize);
        return stream.Length == reference.Bytes && ContentAddress.Format(SHA256.HashData(stream)) == reference.Sha256;
    }

    static RegistryCorruptException Missing(int version, string artifactName, string path, Exception inner) =>
        new($"Artifact '{artifactName}' of {VersionLabel.Of(version)} is missing from the registry: '{path}' does not exist. " +
            "The registry folder was altered; restore it from a backup or register the model again.", path, inner);

    static RegistryCorruptException Mismatch(int version, string artifactName, string path, ArtifactReference expected, string actual, long bytes) =>
        new($"Artifact '{artifactName}' of {VersionLabel.Of(version)} is corrupt: '{path}' has {bytes} bytes with hash {actual}, " +
            $"but {expected.Bytes} bytes with hash {expected.Sha256} were registered. It is not used; restore the file or register the model again.", path);
}
