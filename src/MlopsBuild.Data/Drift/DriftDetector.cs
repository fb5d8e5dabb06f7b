using MlopsBuild.Data.Schema;
using MlopsBuild.Data.Statistics;

namespace MlopsBuild.Data.Drift;

/// <summary>Compares current statistics with reference statistics, column by column, as the schema says.</summary>
public static class DriftDetector
{
    /// <summary>
    /// Measures the drift of every feature and label column (thresholds: the column's own, else the schema's); the dataset
    /// has drifted when the share of drifted columns is above <see cref="DatasetSchema.DriftShare"/>.
    /// </summary>
    public static DriftReport Compare(DatasetStatistics reference, DatasetStatistics current, DatasetSchema schema)
    {
        var compared = new List<ColumnDrift>();
        var notCompared = new List<string>();
        foreach (var column in schema.Columns)
        {
            var drift = column.Role is ColumnRole.Feature or ColumnRole.Label
                ? Measure(column, reference.Find(column.Name), current.Find(column.Name), column.Drift ?? schema.Drift)
                : null;
            if (drift is null) notCompared.Add(column.Name);
            else compared.Add(drift);
        }

        var drifted = compared.Count(column => column.Drifted);
        var share = compared.Count == 0 ? 0 : (double)drifted / compared.Count;
        return new DriftReport(compared, drifted, compared.Count, share, schema.DriftShare, share > schema.DriftShare, notCompared);
    }

    /// <returns>Null when the column cannot be compared: text, or no present values on one side.</returns>
    static ColumnDrift? Measure(ColumnSchema column, ColumnStatistics? reference, ColumnStatistics? current, DriftThresholds thresholds) =>
        column.Type switch
        {
            ColumnType.Numeric or ColumnType.Integer or ColumnType.DateTime
                when reference?.Numeric is { Count: > 0 } before && current?.Numeric is { Count: > 0 } after =>
                new ColumnDrift(column.Name,
                [
                    new DriftMeasure(DriftMeasureNames.PopulationStabilityIndex,
                        DriftMeasures.PopulationStabilityIndex(before.Percentiles, after.Percentiles), thresholds.Psi),
                    new DriftMeasure(DriftMeasureNames.KolmogorovSmirnov,
                        DriftMeasures.KolmogorovSmirnov(before.Percentiles, after.Percentiles), thresholds.KolmogorovSmirnov),
                ]),
            ColumnType.Categorical or ColumnType.Boolean
                when reference?.Categorical is { Count: > 0 } before && current?.Categorical is { Count: > 0 } after =>
                new ColumnDrift(column.Name,
                [
                    new DriftMeasure(DriftMeasureNames.JensenShannon,
                        DriftMeasures.JensenShannonDistance(before.Frequencies, after.Frequencies), thresholds.JensenShannon),
                    new DriftMeasure(DriftMeasureNames.LInfinity,
                        DriftMeasures.LInfinity(before.Frequencies, after.Frequencies), thresholds.LInfinity),
                ]),
            _ => null,
        };
}
