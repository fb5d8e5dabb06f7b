namespace MlopsBuild.Deployment.Approvals;

/// <summary>An approver's key file that is missing, unreadable, unsafe or not an ECDSA P-256 private key.</summary>
public sealed class ApprovalKeyException(string message) : Exception(message);
