using MlopsBuild.Deployment.Approvals;

namespace MlopsBuild.Deployment.GitHub;

/// <summary>
/// What <see cref="GitHubEnvironmentApprovals.RecordAsync"/> did: the approval records of the run's reviews (saved now, or
/// found already saved) and, in words, each review of the environment that became no record (such as a reviewer whose
/// login no approver carries).
/// </summary>
public sealed record GitHubReviewsRecorded(string Environment, string Run, IReadOnlyList<ApprovalRecord> Records, IReadOnlyList<string> Ignored)
{
    /// <summary>One line for the run, then one indented line per record and per ignored review, for the console.</summary>
    public string Describe()
    {
        var heading = Records.Count == 0 && Ignored.Count == 0
            ? $"GitHub environment '{Environment}', {Run}: no approved or rejected review. Bind the Promote job to 'environment: {Environment}' " +
              "and give that environment required reviewers (repository Settings, Environments)."
            : $"GitHub environment '{Environment}', {Run}: {Records.Count} review(s) recorded as approvals";
        var records = Records.Select(r =>
            $"  {ApprovalCanonicalForm.DecisionName(r.Statement.Decision)} by {r.Statement.Approver} (reviewer {r.Statement.Via!.Reviewer})");
        return string.Join('\n', records.Prepend(heading).Concat(Ignored.Select(reason => "  ignored: " + reason)));
    }
}
