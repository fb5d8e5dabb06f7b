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
    /// <summary>The signature does not verify with the approver's key in the policy: edited or forged.</summary>
    BadSignature,
    OtherVersion,
    OtherModelDigest,
    OtherImageDigest,
    /// <summary>Dated after now (beyond clock skew): it could otherwise outlive max_age.</summary>
    FutureDated,
    SelfApproval,
    Expired,
}
