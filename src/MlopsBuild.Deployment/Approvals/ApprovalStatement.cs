namespace MlopsBuild.Deployment.Approvals;

/// <summary>
/// What an approver signs: their decision about one model version, bound to the exact model and image digests.
/// <see cref="ApprovalCanonicalForm"/> turns it into the bytes the signature covers. <paramref name="Via"/> is set when the
/// decision was a GitHub environment review, signed by the environment's attestation key instead of the approver's.
/// </summary>
public sealed record ApprovalStatement(
    ApprovalDecision Decision,
    string Approver,
    DateTimeOffset Time,
    int VersionNumber,
    string ModelDigest,
    string ImageDigest,
    string Comment,
    GitHubReviewOrigin? Via = null);
