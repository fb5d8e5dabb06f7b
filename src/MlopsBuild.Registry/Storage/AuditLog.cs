using System.Text;
using System.Text.Json;
using MlopsBuild.Registry.Audit;
using MlopsBuild.Registry.Errors;

namespace MlopsBuild.Registry.Storage;

/// <summary>
/// The append-only audit log, one JSON object per line. Each line ends with <c>"hash":"sha256:…"</c> computed over the
/// line's other bytes, which include the previous line's hash ("prev") and a gap-free sequence number, so an edited,
/// removed or reordered line breaks the chain. This detects accidents and hand edits, not an attacker who rewrites
/// the whole chain (nothing is signed). Appends are fsynced; a line without its newline is a torn append from a crash.
/// </summary>
internal sealed class AuditLog(RegistryPaths paths)
{
    static readonly byte[] HashKey = ",\"hash\":\""u8.ToArray();
    static readonly int HashLength = ContentAddress.Prefix.Length + 64;
    static readonly int SuffixLength = HashKey.Length + HashLength + 2; // ,"hash":"sha256:…"}

    public string Path => paths.Audit;

    public long Length => File.Exists(paths.Audit) ? new FileInfo(paths.Audit).Length : 0;

    public AuditContents Read()
    {
        if (!File.Exists(paths.Audit)) return new AuditContents([], 0, 0);
        var bytes = File.ReadAllBytes(paths.Audit);
        var entries = new List<AuditEntry>();
        var start = 0;
        while (start < bytes.Length)
        {
            var end = Array.IndexOf(bytes, (byte)'\n', start);
            if (end < 0) break; // torn last line: never acknowledged, ignored (and cut off by the next writer)
            entries.Add(Parse(bytes.AsSpan(start, end - start), entries.Count + 1, entries.Count == 0 ? null : entries[^1].Hash));
            start = end + 1;
        }
        return new AuditContents(entries, start, bytes.Length);
    }

    /// <summary>Appends the drafts as the next entries of the chain in one write, then fsyncs.</summary>
    public (IReadOnlyList<AuditEntry> Entries, long Length) Append(IReadOnlyList<AuditDraft> drafts, long nextSequence, string? previousHash)
    {
        var buffer = new MemoryStream();
        var entries = new List<AuditEntry>(drafts.Count);
        foreach (var draft in drafts)
        {
            var line = new AuditLine(nextSequence++, draft.At, draft.Actor, draft.Action, draft.Version, draft.Alias, draft.From, draft.Reason,
                draft.Details is { Count: > 0 } details ? new SortedDictionary<string, string>(details.ToDictionary(), StringComparer.Ordinal) : null,
                previousHash);
            var body = JsonSerializer.SerializeToUtf8Bytes(line, RegistryJson.Default.AuditLine);
            var hash = ContentAddress.Of(body);
            buffer.Write(body, 0, body.Length - 1);
            buffer.Write(HashKey);
            buffer.Write(Encoding.ASCII.GetBytes(hash));
            buffer.Write("\"}\n"u8);
            entries.Add(ToEntry(line, hash));
            previousHash = hash;
        }
        using var stream = new FileStream(paths.Audit, FileMode.Append, FileAccess.Write, FileShare.Read);
        stream.Write(buffer.GetBuffer(), 0, (int)buffer.Length);
        stream.Flush(flushToDisk: true);
        return (entries, stream.Length);
    }

    /// <summary>Cuts off a torn last line (a crash in the middle of an append) so the next append starts on a line of its own.</summary>
    public void Truncate(long length)
    {
        using var stream = new FileStream(paths.Audit, FileMode.Open, FileAccess.Write, FileShare.Read);
        stream.SetLength(length);
        stream.Flush(flushToDisk: true);
    }

    AuditEntry Parse(ReadOnlySpan<byte> line, long lineNumber, string? previousHash)
    {
        if (line.Length <= SuffixLength || !line.EndsWith("\"}"u8) || !line[^SuffixLength..].StartsWith(HashKey))
            throw Corrupt(lineNumber, "is not an audit entry ending with its \"hash\"");
        var hash = Encoding.ASCII.GetString(line[^(HashLength + 2)..^2]);
        var body = new byte[line.Length - SuffixLength + 1];
        line[..^SuffixLength].CopyTo(body);
        body[^1] = (byte)'}';
        if (ContentAddress.Of(body) != hash) throw Corrupt(lineNumber, "was altered: its content does not match its hash");
        AuditLine? entry;
        try
        {
            entry = JsonSerializer.Deserialize(body, RegistryJson.Default.AuditLine);
        }
        catch (JsonException e)
        {
            throw Corrupt(lineNumber, $"is not a valid audit entry ({e.Message})");
        }
        if (entry is null || entry.Seq != lineNumber || entry.Prev != previousHash)
            throw Corrupt(lineNumber, "does not follow the line before it: a line was removed, inserted or reordered");
        return ToEntry(entry, hash);
    }

    static AuditEntry ToEntry(AuditLine line, string hash) =>
        new(line.Seq, line.At, line.Actor, line.Action, line.Version, line.Alias, line.From, line.Reason,
            line.Details ?? new Dictionary<string, string>(), hash);

    RegistryCorruptException Corrupt(long lineNumber, string problem) =>
        new($"The audit log '{paths.Audit}' line {lineNumber} {problem}. The log is append-only and is not used while its chain is broken; restore it from a backup.",
            paths.Audit);
}
