using System.Security.Cryptography;
using MlopsBuild.Deployment.Approvals;

namespace MlopsBuild.Deployment.Tests.Approvals.Support;

/// <summary>Release managers with fresh in-memory keys, and statements about one sample version for them to sign.</summary>
internal sealed class Approvers : IDisposable
{
    public const int Version = 7;
    public const string ModelDigest = "sha256:1111111111111111111111111111111111111111111111111111111111111111";
    public const string ImageDigest = "sha256:2222222222222222222222222222222222222222222222222222222222222222";
    public static readonly DateTimeOffset Now = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);

    readonly Dictionary<string, ApprovalSigner> signers = new();

    public Approvers(params string[] ids)
    {
        foreach (var id in ids) signers[id] = new ApprovalSigner(ECDsa.Create(ECCurve.NamedCurves.nistP256));
    }

    public ApprovalPolicy Policy(int required, bool forbidSelfApproval = true, TimeSpan? maxAge = null) =>
        new(required, signers.Select(s => new Approver(s.Key, s.Value.PublicKey)).ToList(), forbidSelfApproval, maxAge);

    public ApprovalRecord Approve(string id, TimeSpan? ago = null, string? model = null, string? image = null, int version = Version) =>
        Sign(id, ApprovalDecision.Approve, ago, model, image, version);

    public ApprovalRecord Reject(string id, TimeSpan? ago = null, string comment = "drift too high") =>
        Sign(id, ApprovalDecision.Reject, ago, comment: comment);

    public ApprovalRecord Sign(string id, ApprovalDecision decision, TimeSpan? ago = null, string? model = null, string? image = null,
        int version = Version, string comment = "evidence reviewed") =>
        signers[id].Sign(new ApprovalStatement(decision, id, Now - (ago ?? TimeSpan.FromHours(1)), version, model ?? ModelDigest, image ?? ImageDigest, comment));

    public void Dispose()
    {
        foreach (var signer in signers.Values) signer.Dispose();
    }
}
