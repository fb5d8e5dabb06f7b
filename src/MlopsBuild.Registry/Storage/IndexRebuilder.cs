using MlopsBuild.Registry.Audit;
using MlopsBuild.Registry.Errors;
using MlopsBuild.Registry.Versions;

namespace MlopsBuild.Registry.Storage;

/// <summary>
/// Rebuilds the index from the sources of truth, under the writer lock: the version records (what exists) and the audit
/// log (each record's hash at registration, and every alias move). It also finishes what a crash interrupted: a torn
/// last audit line is cut off, and a complete record whose audit entries were never written gets them, marked recovered.
/// </summary>
internal sealed class IndexRebuilder(VersionRecords records, AuditLog audit, RegistryPaths paths)
{
    public RegistryState Rebuild(DateTimeOffset now, string actor)
    {
        var contents = audit.Read();
        if (contents.HasTornTail) audit.Truncate(contents.ValidLength);
        var registered = new Dictionary<int, string>();
        var gated = new HashSet<int>();
        foreach (var entry in contents.Entries)
        {
            if (entry.Action == AuditActions.Register && entry.Version is { } number && entry.Details.TryGetValue(AuditDrafts.RecordKey, out var sha)) registered[number] = sha;
            if (entry.Action == AuditActions.Gate && entry.Version is { } gatedNumber) gated.Add(gatedNumber);
        }

        var numbers = records.Numbers();
        var last = numbers.Count == 0 ? 0 : numbers[^1];
        for (var expected = 1; expected <= Math.Max(last, registered.Keys.DefaultIfEmpty().Max()); expected++)
        {
            if (expected > numbers.Count || numbers[expected - 1] != expected)
                throw new RegistryCorruptException(
                    $"The record of {VersionLabel.Of(expected)} is missing: '{paths.Record(expected)}' does not exist, but " +
                    (registered.ContainsKey(expected) ? "the audit log registered it." : $"later versions exist (up to {VersionLabel.Of(last)}).") +
                    " Restore it from a backup.", paths.Record(expected));
        }

        var state = new RegistryState();
        var recoveries = new List<AuditDraft>();
        foreach (var number in numbers)
        {
            var (model, sha) = records.Read(number);
            if (registered.TryGetValue(number, out var registeredSha) && registeredSha != sha)
                throw new RegistryCorruptException(
                    $"The record of {VersionLabel.Of(number)} was changed after it was registered: '{paths.Record(number)}' has hash {sha}, " +
                    $"the audit log recorded {registeredSha}. Records are immutable; restore the file from a backup.", paths.Record(number));
            if (!registered.ContainsKey(number) || !gated.Contains(number))
            {
                var drafts = AuditDrafts.ForRegistration(model, sha, now, actor, recovered: true);
                if (!registered.ContainsKey(number)) recoveries.Add(drafts[0]);
                if (!gated.Contains(number)) recoveries.Add(drafts[1]);
            }
            state.Add(IndexedVersion.Of(model, sha));
        }

        foreach (var entry in contents.Entries.Where(e => e.Action == AuditActions.Alias && e.Alias is not null))
        {
            if (entry.Version is not { } target)
            {
                state.Aliases.Remove(entry.Alias!);
                continue;
            }
            if (state.Find(target) is null)
                throw new RegistryCorruptException(
                    $"The audit log '{audit.Path}' line {entry.Sequence} points alias '{entry.Alias}' at {VersionLabel.Of(target)}, which has no record. Restore the registry from a backup.",
                    audit.Path);
            state.Aliases[entry.Alias!] = target;
        }

        if (recoveries.Count == 0)
        {
            state.Advance(contents);
            return state;
        }
        var (appended, length) = audit.Append(recoveries, contents.Entries.Count + 1, contents.Head);
        state.Advance(contents.Entries.Count + appended.Count, length, appended[^1].Hash);
        return state;
    }
}
