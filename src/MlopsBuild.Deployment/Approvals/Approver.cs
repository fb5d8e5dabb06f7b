namespace MlopsBuild.Deployment.Approvals;

/// <summary>A release manager allowed to approve: an identity (such as a GitHub login) and their public key (base64 SubjectPublicKeyInfo, P-256).</summary>
public sealed record Approver(string Id, string PublicKey);
