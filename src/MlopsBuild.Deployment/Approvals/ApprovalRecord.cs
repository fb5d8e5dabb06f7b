namespace MlopsBuild.Deployment.Approvals;

/// <summary>
/// A signed statement as stored: <paramref name="Signature"/> is ECDSA P-256 with SHA-256 over
/// <see cref="ApprovalCanonicalForm.Bytes"/> of the statement, in IEEE P1363 form (r ‖ s, 64 bytes), base64.
/// </summary>
public sealed record ApprovalRecord(ApprovalStatement Statement, string Signature);
