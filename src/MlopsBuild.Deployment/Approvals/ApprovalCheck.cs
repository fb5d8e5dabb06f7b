namespace MlopsBuild.Deployment.Approvals;

/// <summary>
/// The outcome of <see cref="ApprovalVerifier.Check"/>: whether the version may go to factory, one line saying why
/// ("2 of 2 required approvals: alice, bob" or what is missing), and every record with its standing.
/// </summary>
public sealed record ApprovalCheck(
    bool Approved,
    string Verdict,
    IReadOnlyList<string> CountedApprovers,
    IReadOnlyList<RecordAssessment> Records)
{
    /// <summary>The verdict, then one indented line per record, for the console and the audit log.</summary>
    public string Describe() => string.Join('\n', Records.Select(r => "  " + r).Prepend(Verdict));
}
