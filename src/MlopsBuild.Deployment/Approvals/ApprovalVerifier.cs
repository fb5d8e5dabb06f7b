using System.Security.Cryptography;

namespace MlopsBuild.Deployment.Approvals;

/// <summary>
/// Decides whether a model version holds the approvals the policy asks for, for exactly its model and image digests.
/// The rules:
/// <list type="bullet">
/// <item>A record has effect only if its approver is in the policy, its signature verifies with that approver's key,
/// and it names this version, this model digest and this image digest; and it is not dated in the future.</item>
/// <item>A record that came via a GitHub environment review verifies with the policy's <c>github_environment</c> key
/// instead, must name that environment, and speaks for its approver only if the reviewer is their <c>github_login</c>.</item>
/// <item>Per approver, the latest such record stands and earlier ones are superseded: a later rejection withdraws an
/// approval, a later approval lifts a rejection. Approvers count once however often they approve (N distinct approvers).</item>
/// <item>A standing rejection by an authorised approver vetoes promotion, whatever the count.</item>
/// <item>A standing approval counts unless it is by the training run's author, known by id or github_login (when the
/// policy forbids self-approval), or older than the policy's max_age.</item>
/// </list>
/// </summary>
public static class ApprovalVerifier
{
    /// <summary>How far a record's time may be ahead of now, for clocks that disagree a little.</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    public static ApprovalCheck Check(ApprovalPolicy policy, IEnumerable<ApprovalRecord> records, int versionNumber, string author,
        string modelDigest, string imageDigest, DateTimeOffset now)
    {
        // Oldest first; at equal times a rejection is taken as the later word (the cautious reading).
        var ordered = records.OrderBy(r => r.Statement.Time).ThenBy(r => r.Statement.Decision == ApprovalDecision.Reject).ToList();
        var assessments = new RecordAssessment?[ordered.Count];
        for (var i = 0; i < ordered.Count; i++)
            assessments[i] = Invalid(policy, ordered[i], versionNumber, modelDigest, imageDigest, now);

        var latest = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < ordered.Count; i++)
            if (assessments[i] is null) latest[ordered[i].Statement.Approver] = i;

        for (var i = 0; i < ordered.Count; i++)
        {
            if (assessments[i] is not null) continue;
            var record = ordered[i];
            var standing = latest[record.Statement.Approver];
            assessments[i] = standing != i
                ? new RecordAssessment(record, RecordStanding.Superseded,
                    $"superseded by {ordered[standing].Statement.Approver}'s later {ApprovalCanonicalForm.DecisionName(ordered[standing].Statement.Decision)} at {ApprovalCanonicalForm.FormatTime(ordered[standing].Statement.Time)}")
                : Standing(policy, record, author, now);
        }

        var results = assessments.Select(a => a!).ToList();
        var counted = results.Where(a => a.Standing == RecordStanding.Counted).Select(a => policy.Find(a.Record.Statement.Approver)!.Id).ToList();
        var vetoes = results.Where(a => a.Standing == RecordStanding.Veto).ToList();
        var approved = vetoes.Count == 0 && counted.Count >= policy.RequiredApprovals;
        return new ApprovalCheck(approved, Verdict(policy, author, counted, vetoes), counted, results);
    }

    static RecordAssessment? Invalid(ApprovalPolicy policy, ApprovalRecord record, int versionNumber, string modelDigest, string imageDigest, DateTimeOffset now)
    {
        var s = record.Statement;
        var approver = policy.Find(s.Approver);
        if (approver is null)
            return new(record, RecordStanding.UnknownApprover, $"'{s.Approver}' is not an approver in the policy");
        if (s.Via is { } via)
        {
            if (GitHubReviewProblem(policy, approver, record, via) is { } problem) return problem;
        }
        else if (!SignatureVerifies(approver.PublicKey, record))
            return new(record, RecordStanding.BadSignature, $"the signature does not verify with {approver.Id}'s key in the policy: the record was edited or forged");
        if (s.VersionNumber != versionNumber)
            return new(record, RecordStanding.OtherVersion, $"it is about v{s.VersionNumber}, not v{versionNumber}");
        if (s.ModelDigest != modelDigest)
            return new(record, RecordStanding.OtherModelDigest, $"it is about model {s.ModelDigest}, not this version's {modelDigest}");
        if (s.ImageDigest != imageDigest)
            return new(record, RecordStanding.OtherImageDigest, $"it is about image {s.ImageDigest}, not this version's {imageDigest}");
        if (s.Time > now + ClockSkew)
            return new(record, RecordStanding.FutureDated, $"it is dated in the future (now is {ApprovalCanonicalForm.FormatTime(now)}): check the approver's clock and approve again");
        return null;
    }

    static RecordAssessment? GitHubReviewProblem(ApprovalPolicy policy, Approver approver, ApprovalRecord record, GitHubReviewOrigin via)
    {
        if (policy.GitHubEnvironment is not { } environment)
            return new(record, RecordStanding.UntrustedOrigin,
                $"it came via GitHub environment '{via.Environment}' but the policy has no github_environment to verify it with");
        if (!environment.Names(via.Environment))
            return new(record, RecordStanding.UntrustedOrigin,
                $"it came via GitHub environment '{via.Environment}' but the policy counts reviews of '{environment.Name}' only");
        if (!SignatureVerifies(environment.PublicKey, record))
            return new(record, RecordStanding.BadSignature,
                "the signature does not verify with the github_environment key in the policy: the record was edited or forged");
        if (approver.GitHubLogin is not { } login)
            return new(record, RecordStanding.ReviewerNotApprover,
                $"GitHub reviewer '{via.Reviewer}' cannot speak for {approver.Id}, who has no github_login in the policy");
        if (!ApprovalPolicy.SameIdentity(login, via.Reviewer))
            return new(record, RecordStanding.ReviewerNotApprover,
                $"GitHub reviewer '{via.Reviewer}' is not {approver.Id}, whose github_login in the policy is '{login}'");
        return null;
    }

    static RecordAssessment Standing(ApprovalPolicy policy, ApprovalRecord record, string author, DateTimeOffset now)
    {
        var s = record.Statement;
        if (s.Decision == ApprovalDecision.Reject)
            return new(record, RecordStanding.Veto, $"rejected{Quoted(s.Comment)}: no promotion until {s.Approver} approves again");
        if (policy.ForbidSelfApproval && policy.Find(s.Approver)!.IsIdentifiedBy(author))
            return new(record, RecordStanding.SelfApproval, $"{s.Approver} authored the training run and the policy forbids self-approval");
        if (policy.MaxAge is { } maxAge && now - s.Time > maxAge)
            return new(record, RecordStanding.Expired, $"expired: {Days(now - s.Time)} old, the policy's max_age is {Days(maxAge)}");
        return new(record, RecordStanding.Counted, "counts");
    }

    static string Verdict(ApprovalPolicy policy, string author, List<string> counted, List<RecordAssessment> vetoes)
    {
        var count = $"{counted.Count} of {policy.RequiredApprovals} required approvals{(counted.Count > 0 ? ": " + string.Join(", ", counted) : "")}";
        if (vetoes.Count > 0)
            return $"vetoed: rejected by {string.Join(", ", vetoes.Select(v => v.Record.Statement.Approver + Quoted(v.Record.Statement.Comment)))} ({count})";
        if (counted.Count >= policy.RequiredApprovals) return count;

        var missing = policy.RequiredApprovals - counted.Count;
        var selfBarred = policy.ForbidSelfApproval ? policy.FindByIdOrGitHubLogin(author) : null;
        var eligible = policy.Approvers
            .Where(a => !counted.Contains(a.Id) && a != selfBarred)
            .Select(a => a.Id).ToList();
        var barred = selfBarred is null ? "" : $"; {selfBarred.Id} authored the training run and may not approve it";
        return eligible.Count >= missing
            ? $"{count}; {missing} more needed from: {string.Join(", ", eligible)}{barred}"
            : $"{count}; cannot be met: {missing} more needed but only {eligible.Count} eligible approver(s) remain{barred}. Add approvers to the policy";
    }

    static bool SignatureVerifies(string publicKey, ApprovalRecord record)
    {
        Span<byte> signature = stackalloc byte[64];
        if (!Convert.TryFromBase64String(record.Signature, signature, out var length) || length != 64) return false;
        using var key = ECDsa.Create();
        key.ImportSubjectPublicKeyInfo(Convert.FromBase64String(publicKey), out _);
        return key.VerifyData(ApprovalCanonicalForm.Bytes(record.Statement), signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
    }

    static string Quoted(string comment) => comment.Length == 0 ? "" : $" ('{comment}')";

    static string Days(TimeSpan span) => span.TotalDays >= 1 ? $"{span.TotalDays:0.#} days" : $"{span.TotalHours:0.#} hours";
}
