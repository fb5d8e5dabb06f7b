using System.Security.Cryptography;

namespace MlopsBuild.Deployment.Approvals;

/// <summary>The one kind of key approvals use, ECDSA on NIST P-256, and the text forms it travels in.</summary>
internal static class ApproverKeys
{
    static readonly Oid CurveOid = ECCurve.NamedCurves.nistP256.Oid;

    /// <summary>The public half as the policy file lists it: SubjectPublicKeyInfo (DER), base64 on one line.</summary>
    public static string PublicKeyText(ECDsa key) => Convert.ToBase64String(key.ExportSubjectPublicKeyInfo());

    /// <summary>True when <paramref name="key"/> is on P-256 (compared by OID value: names differ between platforms).</summary>
    public static bool IsP256(ECDsa key) => key.ExportParameters(includePrivateParameters: false).Curve.Oid.Value == CurveOid.Value;
}
