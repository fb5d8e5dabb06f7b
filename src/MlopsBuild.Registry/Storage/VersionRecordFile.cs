using MlopsBuild.Registry.Versions;

namespace MlopsBuild.Registry.Storage;

/// <summary>On-disk shape of <c>versions/000007.json</c>.</summary>
internal sealed record VersionRecordFile(int Format, ModelVersion Model)
{
    public const int CurrentFormat = 1;
}
