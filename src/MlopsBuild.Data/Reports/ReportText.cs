using System.Globalization;

namespace MlopsBuild.Data.Reports;

/// <summary>How numbers, sizes and hashes are written in reports for people.</summary>
public static class ReportText
{
    public static string Number(double value) =>
        double.IsNaN(value) ? "–"
        : Math.Abs(value) >= 1e6 || (Math.Abs(value) < 1e-3 && value != 0) ? value.ToString("0.###e+0", CultureInfo.InvariantCulture)
        : value.ToString("#,0.###", CultureInfo.InvariantCulture);

    /// <summary>A column's value: dates for date-time columns (kept as Unix seconds in statistics), numbers otherwise.</summary>
    public static string Value(Schema.ColumnType type, double value) =>
        type == Schema.ColumnType.DateTime && double.IsFinite(value) ? Validation.DateTimeText.Format(Math.Round(value)) : Number(value);

    public static string Count(long value) => value.ToString("#,0", CultureInfo.InvariantCulture);

    public static string Percent(double share) => share.ToString(share < 0.001 && share > 0 ? "0.###%" : "0.#%", CultureInfo.InvariantCulture);

    public static string Bytes(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} B",
        < 1024 * 1024 => (bytes / 1024.0).ToString("0.#", CultureInfo.InvariantCulture) + " KB",
        < 1024L * 1024 * 1024 => (bytes / 1048576.0).ToString("0.#", CultureInfo.InvariantCulture) + " MB",
        _ => (bytes / 1073741824.0).ToString("0.##", CultureInfo.InvariantCulture) + " GB",
    };

    public static string ShortHash(string hash) => hash.StartsWith("sha256:", StringComparison.Ordinal) ? hash[..19] + "…" : hash;
}
