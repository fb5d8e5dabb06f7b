using System.Globalization;
using System.Text;

namespace MlopsBuild.Deployment.Approvals;

/// <summary>
/// The bytes an approval signature covers, defined here once and never derived from JSON (whose spacing,
/// escaping or field order could change without the meaning changing). UTF-8, one line per field, fixed order:
/// <code>
/// mlops-approval/1
/// decision:7:approve
/// approver:5:alice
/// time:28:2026-11-28T19:08:20.0000000Z
/// version:1:7
/// model-digest:71:sha256:…
/// image-digest:71:sha256:…
/// comment:11:metrics ok.
/// via:64:github-environment factory, run 123 attempt 1, reviewer alice-gh
/// </code>
/// The <c>via</c> line is there only for a statement with <see cref="ApprovalStatement.Via"/>: a statement without one keeps
/// the bytes it always had, and stripping or adding the line changes what was signed.
/// Each line is <c>name:length:value</c> with the value's length in UTF-8 bytes, so a value holding a newline or a colon
/// cannot pose as another field. Time is UTC with seven fractional digits; the version is an invariant decimal.
/// </summary>
public static class ApprovalCanonicalForm
{
    public const string Header = "mlops-approval/1";

    /// <summary>Time as written in the canonical form and in stored records: UTC, 100 ns precision.</summary>
    public const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    public static byte[] Bytes(ApprovalStatement statement)
    {
        var text = new StringBuilder(Header).Append('\n');
        Field(text, "decision", DecisionName(statement.Decision));
        Field(text, "approver", statement.Approver);
        Field(text, "time", FormatTime(statement.Time));
        Field(text, "version", statement.VersionNumber.ToString(CultureInfo.InvariantCulture));
        Field(text, "model-digest", statement.ModelDigest);
        Field(text, "image-digest", statement.ImageDigest);
        Field(text, "comment", statement.Comment);
        if (statement.Via is { } via) Field(text, "via", via.Text);
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    public static string DecisionName(ApprovalDecision decision) => decision switch
    {
        ApprovalDecision.Approve => "approve",
        ApprovalDecision.Reject => "reject",
        _ => throw new ArgumentOutOfRangeException(nameof(decision), decision, "not a decision"),
    };

    public static string FormatTime(DateTimeOffset time) => time.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture);

    static void Field(StringBuilder text, string name, string value) =>
        text.Append(name).Append(':').Append(Encoding.UTF8.GetByteCount(value).ToString(CultureInfo.InvariantCulture))
            .Append(':').Append(value).Append('\n');
}
