namespace MlopsBuild.Registry.Versions;

/// <summary>A candidate passed its gate and may be given aliases; a rejected version is kept for the record only.</summary>
public enum VersionStatus
{
    Candidate,
    Rejected,
}
