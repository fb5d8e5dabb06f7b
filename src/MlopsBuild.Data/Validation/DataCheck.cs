using System.Diagnostics;
using MlopsBuild.Core.Hashing;
using MlopsBuild.Data.Drift;
using MlopsBuild.Data.Fingerprints;
using MlopsBuild.Data.Reading;
using MlopsBuild.Data.Schema;
using MlopsBuild.Data.Statistics;

namespace MlopsBuild.Data.Validation;

/// <summary>
/// Validates a dataset against its schema, computes its statistics and compares them with a reference, all in
/// one streaming pass with memory bounded by two batches (plus 8 bytes a row for each unique column).
/// </summary>
public static class DataCheck
{
    /// <param name="path">A data file, or a folder of them.</param>
    /// <param name="reference">The statistics of the data the production model was trained on, for drift.</param>
    public static DataCheckResult Run(string path, DatasetSchema schema, ContentHasher hasher, DatasetStatistics? reference = null, TableReadOptions? readOptions = null)
    {
        var clock = Stopwatch.StartNew();
        var paths = DatasetFiles.Resolve(path);
        var checks = schema.Columns.Select(column => new ColumnCheck(column)).ToList();
        var anomalies = new List<Anomaly>();
        var options = (readOptions ?? new TableReadOptions()) with { Separator = schema.Separator };

        long rows = 0;
        var files = new List<FileFingerprint>();
        foreach (var file in paths)
        {
            var (fileRows, fingerprint) = ReadFile(file, checks, schema, options, hasher, rows, anomalies);
            rows += fileRows;
            files.Add(fingerprint);
        }

        anomalies.AddRange(RowCountAnomalies(schema, rows));
        foreach (var check in checks) anomalies.AddRange(check.Anomalies(rows));
        var statistics = new DatasetStatistics(rows, Summaries(checks));

        DriftReport? drift = null;
        if (reference is not null)
        {
            drift = DriftDetector.Compare(reference, statistics, schema);
            if (drift.DatasetDrifted)
                anomalies.Add(Anomaly.ForDataset(AnomalyKind.DatasetDrift, schema.FailOnDrift ? Severity.Error : Severity.Warning, null,
                    $"the data drifted from its reference: {drift.DriftedColumns} of {drift.ComparedColumns} columns ({drift.DriftedShare * 100:0.#}%) exceed their thresholds, more than the allowed {drift.ShareThreshold * 100:0.#}%"));
        }
        return new DataCheckResult(files, DatasetFingerprint.Of(files), rows, Order(anomalies), statistics, drift, clock.Elapsed);
    }

    /// <summary>
    /// Reads one file of the dataset through every column check; returns its row count and fingerprint. The file's
    /// bytes are hashed as they are read, unless the hash cache knows the file.
    /// </summary>
    static (long Rows, FileFingerprint File) ReadFile(string path, List<ColumnCheck> checks, DatasetSchema schema, TableReadOptions options,
        ContentHasher hasher, long rowOffset, List<Anomaly> anomalies)
    {
        var name = Path.GetFileName(path);
        var fullPath = Path.GetFullPath(path);
        // The reader's thread is the one the checks wait for: it only copies the bytes for the hash.
        using var hashing = hasher.HashWhileReading(fullPath, inBackground: true);
        using var reader = TableReader.Open(path, hashing.NeedsBytes ? options with { OnFileBytes = hashing.Append } : options);
        // Loops rather than LINQ over value tuples here and below: the runtime compiled LINQ's code for those on the spot,
        // ~5 ms before the first batch was read.
        var positions = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < reader.Columns.Count; i++) positions.Add(reader.Columns[i], i);
        var bound = new List<(ColumnCheck Check, int Index)>();
        foreach (var check in checks)
        {
            if (positions.TryGetValue(check.Schema.Name, out var index)) bound.Add((check, index));
            else anomalies.Add(Anomaly.ForDataset(AnomalyKind.MissingColumn, Severity.Error, check.Schema.Name,
                $"{check.Schema.Name}: the column is in the schema but not in {name}{Suggestion(check.Schema.Name, reader.Columns)}"));
        }
        foreach (var extra in reader.Columns.Where(name => schema.Find(name) is null))
            anomalies.Add(Anomaly.ForDataset(AnomalyKind.UnexpectedColumn, schema.AllowExtraColumns ? Severity.Warning : Severity.Error, extra,
                $"{extra}: the column is in {name} but not in the schema; add it to the schema{(schema.AllowExtraColumns ? "" : " or set allow_extra_columns")}"));

        // Twice as many shares as cores: the reader's thread takes a core part of the time, and smaller shares let the
        // thread pool keep both busy (measured faster than one share per core, and than four per core).
        var shareCount = Math.Max(1, Math.Min(2 * Environment.ProcessorCount, bound.Count));
        var shares = new (ColumnCheck Check, int Index)[shareCount][];
        for (var share = 0; share < shareCount; share++)
        {
            shares[share] = new (ColumnCheck, int)[(bound.Count - share + shareCount - 1) / shareCount];
            for (var i = share; i < bound.Count; i += shareCount) shares[share][i / shareCount] = bound[i];
        }
        long rows = 0;
        // Each share checks the batches one after the other, on a chain of tasks of its own: a share that finishes a batch
        // goes on to the next one while the others finish theirs, instead of every share waiting for the slowest.
        var checking = shares.Select(_ => Task.CompletedTask).ToArray();
        var previousChecked = Task.CompletedTask;
        try
        {
            var batch = reader.ReadBatch();
            while (batch is not null)
            {
                var current = batch;
                for (var i = 0; i < shares.Length; i++)
                {
                    var share = shares[i];
                    checking[i] = checking[i].ContinueWith(done =>
                    {
                        done.GetAwaiter().GetResult(); // a share that failed on a batch does not go on to the next
                        CheckShare(current, share, name, rowOffset);
                    }, TaskScheduler.Default);
                }
                // The reader keeps the last batch intact while it reads the next one, and reuses the one before: that one
                // must be checked by every share first.
                previousChecked.GetAwaiter().GetResult();
                previousChecked = Task.WhenAll(checking);
                rows += current.Count;
                batch = reader.ReadBatch();
            }
        }
        finally
        {
            // Even when reading fails, no check may still use the reader's buffers once it is disposed.
            Task.WhenAll(checking).GetAwaiter().GetResult();
        }
        return (rows, new FileFingerprint(fullPath, name, hashing.Bytes, hashing.Finish()));
    }

    /// <summary>
    /// Checks one share of the columns in a batch; a share is checked by one thread at a time, so the result does not
    /// depend on scheduling. It takes the batch a block of rows at a time, four rows at a time: the rows' fields lie side
    /// by side in the text, which then streams through the cache once (column by column, every field would be a cache
    /// miss), and four rows of a column are parsed together where they are short decimals.
    /// </summary>
    static void CheckShare(RowBatch batch, (ColumnCheck Check, int Index)[] share, string file, long rowOffset)
    {
        for (var start = 0; start < batch.Count; start += NumberBlock.Size)
        {
            var end = Math.Min(batch.Count, start + NumberBlock.Size);
            var row = start;
            for (; row + 4 <= end; row += 4)
            {
                foreach (var (check, index) in share)
                    if (!check.TryTakeFourShortDecimals(batch, row, index)) TakeRows(check, batch, row, row + 4, index, file, rowOffset);
            }
            foreach (var (check, index) in share) TakeRows(check, batch, row, end, index, file, rowOffset);
            foreach (var (check, index) in share) check.EndBlock(batch, index, file, rowOffset);
        }
    }

    /// <summary>Takes one column's fields of rows <paramref name="from"/> to <paramref name="to"/> (excluded), one by one.</summary>
    static void TakeRows(ColumnCheck check, RowBatch batch, int from, int to, int index, string file, long rowOffset)
    {
        for (var row = from; row < to; row++)
            if (!check.TryTakeShortDecimal(batch, row, index)) check.Take(batch, row, index, file, rowOffset);
    }

    /// <summary>
    /// Each column's statistics, in schema order. Columns are summarised in parallel: this runs once, at the end, in code
    /// not yet optimised, and would otherwise leave a core idle for a few percent of the whole check.
    /// </summary>
    static List<ColumnStatistics> Summaries(List<ColumnCheck> checks)
    {
        var summaries = new ColumnStatistics[checks.Count];
        Parallel.For(0, checks.Count, i => summaries[i] = checks[i].Statistics());
        return [.. summaries];
    }

    static IEnumerable<Anomaly> RowCountAnomalies(DatasetSchema schema, long rows)
    {
        if (rows < (schema.MinRows ?? 0) || rows > (schema.MaxRows ?? long.MaxValue))
            yield return Anomaly.ForDataset(AnomalyKind.RowCountOutOfBounds, Severity.Error, null,
                $"the dataset has {rows} rows; the schema expects {schema.MinRows?.ToString() ?? "any"} to {schema.MaxRows?.ToString() ?? "any"}");
    }

    static string Suggestion(string name, IReadOnlyList<string> columns)
    {
        var close = columns.FirstOrDefault(c => string.Equals(c, name, StringComparison.OrdinalIgnoreCase)
                                                || string.Equals(c.Replace("_", ""), name.Replace("_", ""), StringComparison.OrdinalIgnoreCase));
        return close is null ? "" : $" (there is a column '{close}': rename one of them)";
    }

    /// <summary>Errors first, then warnings; within each, in schema order as they were found.</summary>
    static IReadOnlyList<Anomaly> Order(List<Anomaly> anomalies) =>
        anomalies.OrderByDescending(a => a.Severity).ToList();
}
