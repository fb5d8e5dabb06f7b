namespace MlopsBuild.Deployment.Approvals;

/// <summary>A stored approval file that cannot be read as a record: which file, what is wrong, what to do.</summary>
public sealed class ApprovalRecordException(string file, string problem)
    : Exception($"{file}: {problem}. Restore the file from where it was recorded, or delete it and approve again.")
{
    public string File { get; } = file;
}
