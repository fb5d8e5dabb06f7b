namespace MlopsBuild.Deployment.Approvals;

/// <summary>What a release manager decided about a model version going to factory.</summary>
public enum ApprovalDecision
{
    Approve,
    Reject,
}
