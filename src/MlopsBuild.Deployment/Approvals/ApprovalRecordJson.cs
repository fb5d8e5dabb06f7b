using System.Globalization;
using System.Text;
using System.Text.Json;
using MlopsBuild.Core.Text;

namespace MlopsBuild.Deployment.Approvals;

/// <summary>
/// One record as a JSON file. The JSON is only a container: the signature covers <see cref="ApprovalCanonicalForm"/>,
/// rebuilt from the fields read back. Unknown fields are refused, so nothing can ride along looking signed.
/// <c>via</c> is written only for a statement that has one, so records without it keep their bytes.
/// </summary>
internal static class ApprovalRecordJson
{
    static readonly string[] Fields = ["format", "decision", "approver", "time", "version", "modelDigest", "imageDigest", "comment", "via", "signature"];

    public static byte[] Write(ApprovalRecord record)
    {
        var s = record.Statement;
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("format", ApprovalCanonicalForm.Header);
            json.WriteString("decision", ApprovalCanonicalForm.DecisionName(s.Decision));
            json.WriteString("approver", s.Approver);
            json.WriteString("time", ApprovalCanonicalForm.FormatTime(s.Time));
            json.WriteNumber("version", s.VersionNumber);
            json.WriteString("modelDigest", s.ModelDigest);
            json.WriteString("imageDigest", s.ImageDigest);
            json.WriteString("comment", s.Comment);
            if (s.Via is { } via) json.WriteString("via", via.Text);
            json.WriteString("signature", record.Signature);
            json.WriteEndObject();
        }
        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }

    public static ApprovalRecord Read(byte[] content, string file)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(content);
        }
        catch (JsonException e)
        {
            throw new ApprovalRecordException(file, $"not valid JSON ({e.Message.TrimEnd('.')})");
        }
        using (document)
        {
            if (JsonTextCheck.Problem(content) is { } problem) throw new ApprovalRecordException(file, problem);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) throw new ApprovalRecordException(file, "not a JSON object");
            foreach (var property in root.EnumerateObject())
                if (!Fields.Contains(property.Name))
                    throw new ApprovalRecordException(file, $"unknown field '{property.Name}' (an approval holds exactly: {string.Join(", ", Fields)})");
            if (Text(root, "format", file) != ApprovalCanonicalForm.Header)
                throw new ApprovalRecordException(file, $"format is not '{ApprovalCanonicalForm.Header}'");
            var statement = new ApprovalStatement(
                Decision(Text(root, "decision", file), file),
                Text(root, "approver", file),
                Time(Text(root, "time", file), file),
                Version(root, file),
                Text(root, "modelDigest", file),
                Text(root, "imageDigest", file),
                Text(root, "comment", file),
                root.TryGetProperty("via", out _) ? Via(Text(root, "via", file), file) : null);
            return new ApprovalRecord(statement, Text(root, "signature", file));
        }
    }

    static string Text(JsonElement root, string name, string file) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw new ApprovalRecordException(file, $"'{name}' is missing or not a string");

    static int Version(JsonElement root, string file) =>
        root.TryGetProperty("version", out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number)
            ? number
            : throw new ApprovalRecordException(file, "'version' is missing or not a whole number");

    static ApprovalDecision Decision(string text, string file) => text switch
    {
        "approve" => ApprovalDecision.Approve,
        "reject" => ApprovalDecision.Reject,
        _ => throw new ApprovalRecordException(file, $"decision '{text}' is neither 'approve' nor 'reject'"),
    };

    static GitHubReviewOrigin Via(string text, string file) =>
        GitHubReviewOrigin.Parse(text)
            ?? throw new ApprovalRecordException(file, $"via '{text}' is not 'github-environment <name>, run <id> attempt <n>, reviewer <login>'");

    // Parsed exactly as written, so the canonical form rebuilt from it is the one that was signed.
    static DateTimeOffset Time(string text, string file) =>
        DateTime.TryParseExact(text, ApprovalCanonicalForm.TimeFormat, CultureInfo.InvariantCulture,
            DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var time)
            ? new DateTimeOffset(time, TimeSpan.Zero)
            : throw new ApprovalRecordException(file, $"time '{text}' is not UTC in the form {ApprovalCanonicalForm.TimeFormat}");
}
