namespace MlopsBuild.Deployment.Approvals;

/// <summary>One record and why it counts or not, in words for the release manager.</summary>
public sealed record RecordAssessment(ApprovalRecord Record, RecordStanding Standing, string Reason)
{
    public override string ToString() =>
        $"{ApprovalCanonicalForm.DecisionName(Record.Statement.Decision)} by {Record.Statement.Approver}{Via} at {ApprovalCanonicalForm.FormatTime(Record.Statement.Time)}: {Reason}";

    string Via => Record.Statement.Via is { } via ? $" (via {via})" : "";
}
