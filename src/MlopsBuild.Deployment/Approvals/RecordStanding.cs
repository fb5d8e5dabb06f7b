namespace MlopsBuild.Deployment.Approvals;

/// <summary>Where one record leaves the approval of a version; only <see cref="Counted"/> and <see cref="Veto"/> have effect.</summary>
public enum RecordStanding
{
    /// <summary>A valid approval, the approver's latest word: it counts towards N.</summary>
    Counted,
    /// <summary>A valid rejection, the approver's latest word: promotion is refused while it stands.</summary>
    Veto,
    /// <summary>A valid record followed by a later decision of the same approver (a later rejection withdraws an approval).</summary>
    Superseded,
    UnknownApprover,
    /// <summary>The signature does not verify with the key in the policy (the approver's, or the GitHub environment's): edited or forged.</summary>
    BadSignature,
    /// <summary>It came via a GitHub environment the policy does not count reviews of (or the policy has no github_environment).</summary>
    UntrustedOrigin,
    /// <summary>It came via a GitHub review whose reviewer is not the approver's github_login in the policy.</summary>
    ReviewerNotApprover,
    OtherVersion,
    OtherModelDigest,
    OtherImageDigest,
    /// <summary>Dated after now (beyond clock skew): it could otherwise outlive max_age.</summary>
    FutureDated,
    SelfApproval,
    Expired,
}
