using System.Globalization;
using System.Text.Json;
using MlopsBuild.Core.IO;
using MlopsBuild.Registry.Errors;
using MlopsBuild.Registry.Versions;

namespace MlopsBuild.Registry.Storage;

/// <summary>The immutable <c>versions/000007.json</c> files. A record is written whole (temp + fsync + rename) or not at all.</summary>
internal sealed class VersionRecords(RegistryPaths paths)
{
    /// <returns>The content hash of the bytes written, which the audit log and the index keep to detect later edits.</returns>
    public string Write(ModelVersion version)
    {
        var path = paths.Record(version.Number);
        // Numbers are taken under the writer lock from a fresh index, so this only happens if that invariant is broken.
        if (File.Exists(path)) throw new InvalidOperationException($"Refusing to overwrite the existing record '{path}'.");
        var bytes = JsonSerializer.SerializeToUtf8Bytes(new VersionRecordFile(VersionRecordFile.CurrentFormat, version), RegistryJson.Default.VersionRecordFile);
        AtomicFile.WriteAllBytes(path, bytes);
        return ContentAddress.Of(bytes);
    }

    public bool Exists(int version) => File.Exists(paths.Record(version));

    /// <summary>Reads a record and checks it against the hash recorded when it was written.</summary>
    public ModelVersion ReadVerified(int version, string expectedSha256)
    {
        var (model, actual) = Read(version);
        if (actual != expectedSha256)
            throw new RegistryCorruptException(
                $"The record of {VersionLabel.Of(version)} was changed after it was registered: '{paths.Record(version)}' has hash {actual}, " +
                $"the registry recorded {expectedSha256}. Records are immutable; restore the file from a backup.", paths.Record(version));
        return model;
    }

    /// <summary>Reads and parses a record without a reference hash (index rebuild); returns its content hash.</summary>
    public (ModelVersion Model, string Sha256) Read(int version)
    {
        var path = paths.Record(version);
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new RegistryCorruptException(
                $"The record of {VersionLabel.Of(version)} is missing: '{path}' does not exist although the registry lists it. Restore it from a backup.", path, e);
        }
        VersionRecordFile? file;
        try
        {
            file = JsonSerializer.Deserialize(bytes, RegistryJson.Default.VersionRecordFile);
        }
        catch (JsonException e)
        {
            throw new RegistryCorruptException($"The record of {VersionLabel.Of(version)} is unreadable: '{path}': {e.Message} Restore it from a backup.", path, e);
        }
        if (file is null || file.Format != VersionRecordFile.CurrentFormat || file.Model.Number != version)
            throw new RegistryCorruptException(
                $"The record '{path}' is not the format-{VersionRecordFile.CurrentFormat} record of {VersionLabel.Of(version)}. Restore it from a backup.", path);
        return (file.Model, ContentAddress.Of(bytes));
    }

    /// <summary>The version numbers that have a record, ascending (temporary files of interrupted writes are not records).</summary>
    public IReadOnlyList<int> Numbers()
    {
        if (!Directory.Exists(paths.Versions)) return [];
        return Directory.EnumerateFiles(paths.Versions, "*.json")
            .Select(Path.GetFileNameWithoutExtension)
            .Select(name => int.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : 0)
            .Where(number => number > 0)
            .Order()
            .ToList();
    }
}
