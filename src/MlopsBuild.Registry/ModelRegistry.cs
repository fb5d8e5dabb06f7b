using MlopsBuild.Core.Text;
using MlopsBuild.Registry.Audit;
using MlopsBuild.Registry.Comparison;
using MlopsBuild.Registry.Errors;
using MlopsBuild.Registry.Storage;
using MlopsBuild.Registry.Versions;

namespace MlopsBuild.Registry;

/// <summary>
/// The embedded model registry: a folder with content-addressed artifacts, one immutable record per version, aliases,
/// a hash-chained audit log and an index. Every write holds the writer lock and goes record → audit → index, so a
/// crash leaves either no trace of a version or a whole one (finished by the next writer). Readers take no lock
/// unless the index is stale. One instance is meant for one thread (a build run); processes coordinate through the lock.
/// </summary>
public sealed class ModelRegistry
{
    readonly RegistryPaths _paths;
    readonly TimeProvider _clock;
    readonly ObjectStore _objects;
    readonly VersionRecords _records;
    readonly AuditLog _audit;
    readonly IndexStore _index;
    readonly IndexRebuilder _rebuilder;
    readonly WriterLock _lock;
    RegistryState? _state;
    (long Length, DateTime LastWriteUtc)? _stamp;
    bool _indexDirty;

    ModelRegistry(string directory, string actor, RegistryOptions options)
    {
        _paths = new RegistryPaths(directory);
        Actor = actor;
        _clock = options.Clock;
        _objects = new ObjectStore(_paths);
        _records = new VersionRecords(_paths);
        _audit = new AuditLog(_paths);
        _index = new IndexStore(_paths);
        _rebuilder = new IndexRebuilder(_records, _audit, _paths);
        _lock = new WriterLock(_paths, actor, _clock, options.LockTimeout);
    }

    public string Directory => _paths.Root;

    /// <summary>Who this instance records as the actor of its writes.</summary>
    public string Actor { get; }

    /// <summary>Test hook: called between the steps of a write, to stop it there as a crash would.</summary>
    internal Action<RegistryStep>? StepReached { get; set; }

    /// <summary>Opens (creating when absent) the registry in <paramref name="directory"/>; writes are recorded as done by <paramref name="actor"/>.</summary>
    public static ModelRegistry Open(string directory, string actor, RegistryOptions? options = null)
    {
        if (string.IsNullOrWhiteSpace(actor)) throw new RegistryException("Cannot open the model registry without an actor: say who is acting (user name or CI job) so the audit log can record it.");
        System.IO.Directory.CreateDirectory(directory);
        var registry = new ModelRegistry(directory, actor, options ?? new RegistryOptions());
        registry.Current();
        return registry;
    }

    /// <summary>
    /// Holds the writer lock until disposed, so several steps (read the champion, register, move an alias) are not
    /// interleaved with another run; the index is written once, at the end.
    /// </summary>
    public IDisposable HoldLock() => _lock.Acquire(SaveIndexIfDirty);

    public ModelVersion Register(RegistrationRequest request)
    {
        RegistrationValidator.Check(request);
        return Write(state =>
        {
            var artifacts = new SortedDictionary<string, ArtifactReference>(StringComparer.Ordinal);
            foreach (var (name, file) in request.Artifacts) artifacts[name] = _objects.Store(name, file);
            StepReached?.Invoke(RegistryStep.ArtifactsStored);

            var version = new ModelVersion
            {
                Number = state.LastVersion + 1,
                Status = request.Accepted ? VersionStatus.Candidate : VersionStatus.Rejected,
                RejectionReasons = RegistrationValidator.RejectionReasons(request),
                RegisteredAt = _clock.GetUtcNow(),
                RegisteredBy = Actor,
                Lineage = Sorted(request.Lineage),
                Metrics = new SortedDictionary<string, double>(request.Metrics.ToDictionary(), StringComparer.Ordinal),
                Checks = request.Checks.ToList(),
                Artifacts = artifacts,
            };
            var recordSha = _records.Write(version);
            StepReached?.Invoke(RegistryStep.RecordWritten);

            var (entries, length) = _audit.Append(AuditDrafts.ForRegistration(version, recordSha, version.RegisteredAt, Actor, recovered: false), state.AuditEntries + 1, state.AuditHead);
            StepReached?.Invoke(RegistryStep.RegistrationAudited);

            state.Add(IndexedVersion.Of(version, recordSha));
            state.Advance(state.AuditEntries + entries.Count, length, entries[^1].Hash);
            return version;
        });
    }

    /// <summary>The version's record, checked against the hash it had when registered.</summary>
    public ModelVersion Get(int version)
    {
        var state = Current();
        var indexed = state.Find(version) ?? throw UnknownVersion(version, state);
        return _records.ReadVerified(version, indexed.RecordSha256);
    }

    /// <summary>"7", "v7" or an alias ("lab") → that version.</summary>
    public ModelVersion Resolve(string versionOrAlias)
    {
        if (VersionLabel.TryParse(versionOrAlias) is { } number) return Get(number);
        var state = Current();
        if (state.Aliases.TryGetValue(versionOrAlias, out var target)) return Get(target);
        var aliases = state.Aliases.Keys.Order(StringComparer.Ordinal).ToList();
        throw new RegistryNotFoundException(
            $"No version or alias '{versionOrAlias}' in the model registry '{Directory}'.{ClosestMatch.Hint(versionOrAlias, aliases)} " +
            $"Aliases: {(aliases.Count == 0 ? "none" : string.Join(", ", aliases))}; {VersionRange(state)}.");
    }

    /// <summary>The version an alias points at, or null when the alias is not set (e.g. no champion in factory yet).</summary>
    public ModelVersion? TryResolveAlias(string alias)
    {
        Names.CheckAlias(alias);
        return Current().Aliases.TryGetValue(alias, out var target) ? Get(target) : null;
    }

    /// <summary>Alias → version, every alias currently set.</summary>
    public IReadOnlyDictionary<string, int> Aliases() => new SortedDictionary<string, int>(Current().Aliases, StringComparer.Ordinal);

    /// <summary>Every version, newest first, with its aliases and metrics; from the index alone.</summary>
    public IReadOnlyList<VersionSummary> List()
    {
        var state = Current();
        var aliases = state.Aliases.GroupBy(a => a.Value).ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(a => a.Key).Order(StringComparer.Ordinal).ToList());
        var summaries = new VersionSummary[state.Versions.Count];
        for (var i = 0; i < summaries.Length; i++)
        {
            var v = state.Versions[^(i + 1)];
            summaries[i] = new VersionSummary(v.Number, v.Status, v.RegisteredAt, v.RegisteredBy, v.Trainer, v.GitCommit, v.Metrics, aliases.GetValueOrDefault(v.Number, []));
        }
        return summaries;
    }

    /// <summary>Points <paramref name="alias"/> at <paramref name="version"/> (a candidate, never a rejected version) and records the move.</summary>
    public AliasMove SetAlias(string alias, int version, string reason)
    {
        Names.CheckAlias(alias);
        RequireReason(reason, $"moving alias '{alias}'");
        return Write(state =>
        {
            var target = state.Find(version) ?? throw UnknownVersion(version, state);
            if (target.Status == VersionStatus.Rejected)
                throw new RegistryException($"Cannot point alias '{alias}' at {VersionLabel.Of(version)}: its quality gate rejected it (see its record). Only candidates can carry aliases.");
            int? from = state.Aliases.TryGetValue(alias, out var current) ? current : null;
            return from == version ? new AliasMove(alias, from, version) : MoveAlias(state, alias, from, version, reason);
        });
    }

    public AliasMove RemoveAlias(string alias, string reason)
    {
        Names.CheckAlias(alias);
        RequireReason(reason, $"removing alias '{alias}'");
        return Write(state =>
        {
            if (!state.Aliases.TryGetValue(alias, out var current)) throw UnknownAlias(alias, state);
            return MoveAlias(state, alias, current, null, reason);
        });
    }

    /// <summary>The version <paramref name="alias"/> pointed at, at <paramref name="moment"/>, from the audit log; null when it pointed nowhere.</summary>
    public int? AliasAt(string alias, DateTimeOffset moment)
    {
        Names.CheckAlias(alias);
        int? version = null;
        foreach (var entry in Audit())
        {
            if (entry.At > moment) break;
            if (entry.Action == AuditActions.Alias && entry.Alias == alias) version = entry.Version;
        }
        return version;
    }

    /// <summary>The whole audit log, oldest first, after checking its hash chain.</summary>
    public IReadOnlyList<AuditEntry> Audit()
    {
        var state = Current();
        var contents = _audit.Read();
        // The chain cannot show that its last lines were cut off; the index remembers how long the log was.
        if (contents.ValidLength < state.AuditLength) throw AuditShortened(state);
        return contents.Entries;
    }

    /// <summary>Records an event of a later stage: approve, promote, rollback…</summary>
    public AuditEntry Append(AuditEvent auditEvent)
    {
        Names.CheckAction(auditEvent.Action);
        return Write(state =>
        {
            if (auditEvent.Version is { } version && state.Find(version) is null) throw UnknownVersion(version, state);
            var draft = new AuditDraft(_clock.GetUtcNow(), Actor, auditEvent.Action, auditEvent.Version, auditEvent.Reason, auditEvent.Details);
            var (entries, length) = _audit.Append([draft], state.AuditEntries + 1, state.AuditHead);
            state.Advance(state.AuditEntries + 1, length, entries[0].Hash);
            return entries[0];
        });
    }

    /// <summary>The artifact's bytes, checked against the hash recorded for the version.</summary>
    public byte[] ReadArtifact(int version, string artifactName)
    {
        var reference = Artifact(version, artifactName);
        return _objects.Read(version, artifactName, reference);
    }

    /// <summary>A read-only stream over the artifact, opened only after its whole content matched the recorded hash.</summary>
    public Stream OpenArtifact(int version, string artifactName)
    {
        var reference = Artifact(version, artifactName);
        return _objects.Open(version, artifactName, reference);
    }

    /// <summary>Lineage, hyper-parameters and metrics of two versions side by side, with B − A for metrics.</summary>
    public VersionComparison Compare(int a, int b) => VersionComparer.Compare(Get(a), Get(b));

    ArtifactReference Artifact(int version, string artifactName)
    {
        var model = Get(version);
        return model.Artifacts.TryGetValue(artifactName, out var reference)
            ? reference
            : throw new RegistryNotFoundException(
                $"{model.Label} has no artifact '{artifactName}'.{ClosestMatch.Hint(artifactName, model.Artifacts.Keys)} Its artifacts: {string.Join(", ", model.Artifacts.Keys)}.");
    }

    AliasMove MoveAlias(RegistryState state, string alias, int? from, int? to, string reason)
    {
        var draft = new AuditDraft(_clock.GetUtcNow(), Actor, AuditActions.Alias, to, reason, Alias: alias, From: from);
        var (entries, length) = _audit.Append([draft], state.AuditEntries + 1, state.AuditHead);
        StepReached?.Invoke(RegistryStep.AliasAudited);
        if (to is { } target) state.Aliases[alias] = target;
        else state.Aliases.Remove(alias);
        state.Advance(state.AuditEntries + 1, length, entries[0].Hash);
        return new AliasMove(alias, from, to);
    }

    /// <summary>Runs a write under the lock on a fresh index; the in-memory state changes only after every disk step succeeded.</summary>
    T Write<T>(Func<RegistryState, T> write)
    {
        using var hold = _lock.Acquire(SaveIndexIfDirty);
        var result = write(CurrentUnderLock());
        _indexDirty = true;
        return result;
    }

    /// <summary>The index, reloaded when another process replaced it, rebuilt (under the lock) when stale.</summary>
    RegistryState Current()
    {
        if (_lock.IsHeld) return CurrentUnderLock();
        var stamp = _index.Stamp();
        if (_state is null || stamp != _stamp)
        {
            _state = _index.Load();
            _stamp = stamp;
        }
        if (_state is not null && !IsStale(_state)) return _state;
        using (_lock.Acquire(SaveIndexIfDirty)) return CurrentUnderLock();
    }

    RegistryState CurrentUnderLock()
    {
        var stamp = _index.Stamp();
        if (_state is null || (stamp != _stamp && !_indexDirty))
        {
            _state = _index.Load();
            _stamp = stamp;
        }
        if (_state is null || IsStale(_state))
        {
            _state = _rebuilder.Rebuild(_clock.GetUtcNow(), Actor);
            _indexDirty = true;
        }
        return _state;
    }

    /// <summary>
    /// Stale: a record numbered past the index's last version exists (a write finished its record but not the index),
    /// the index's last record is gone, or the audit log grew past the length the index reflects. A log shorter than
    /// that is not staleness but lost lines, and is reported.
    /// </summary>
    bool IsStale(RegistryState state)
    {
        if (_records.Exists(state.LastVersion + 1)) return true;
        if (state.LastVersion > 0 && !_records.Exists(state.LastVersion)) return true;
        var auditLength = _audit.Length;
        if (auditLength < state.AuditLength) throw AuditShortened(state);
        return auditLength > state.AuditLength;
    }

    void SaveIndexIfDirty()
    {
        if (!_indexDirty || _state is null) return;
        _index.Save(_state);
        _stamp = _index.Stamp();
        _indexDirty = false;
    }

    RegistryCorruptException AuditShortened(RegistryState state) =>
        new($"The audit log '{_audit.Path}' is shorter than the {state.AuditLength} bytes ({state.AuditEntries} entries) the registry index recorded: " +
            "entries were removed. The log is append-only; restore it from a backup.", _audit.Path);

    RegistryNotFoundException UnknownVersion(int version, RegistryState state) =>
        new($"There is no {VersionLabel.Of(version)} in the model registry '{Directory}': {VersionRange(state)}. Run the Models target to list them.");

    RegistryNotFoundException UnknownAlias(string alias, RegistryState state)
    {
        var aliases = state.Aliases.Keys.Order(StringComparer.Ordinal).ToList();
        return new($"There is no alias '{alias}' in the model registry '{Directory}'.{ClosestMatch.Hint(alias, aliases)} Aliases: {(aliases.Count == 0 ? "none" : string.Join(", ", aliases))}.");
    }

    static string VersionRange(RegistryState state) =>
        state.LastVersion == 0 ? "it has no versions yet" : $"its versions are v1 to {VersionLabel.Of(state.LastVersion)}";

    static void RequireReason(string reason, string what)
    {
        if (string.IsNullOrWhiteSpace(reason)) throw new RegistryException($"Give a reason for {what}: the audit log records why every alias moved.");
    }

    static Lineage Sorted(Lineage lineage) => lineage with
    {
        DataFingerprints = new SortedDictionary<string, string>(lineage.DataFingerprints.ToDictionary(), StringComparer.Ordinal),
        Parameters = new SortedDictionary<string, string>(lineage.Parameters.ToDictionary(), StringComparer.Ordinal),
        Libraries = new SortedDictionary<string, string>(lineage.Libraries.ToDictionary(), StringComparer.Ordinal),
    };
}
