using System.Globalization;

namespace MlopsBuild.Engine.Terminal;

/// <summary>The words of a progress report, the same in a live bar and in a plain line.</summary>
internal static class ProgressText
{
    /// <summary>Whole percent done, or null while the total is unknown.</summary>
    public static int? Percent(long completed, long? total) =>
        total is > 0 ? (int)Math.Clamp(Math.Floor(100.0 * completed / total.Value), 0, 100) : null;

    /// <summary>The status when there is one, else the amount: "37 of 100", "4.2 MB of 10.5 MB", "4.2 MB".</summary>
    public static string Detail(long completed, long? total, ProgressUnit unit, string? status) =>
        status ?? (total is { } whole ? $"{Amount(completed, unit)} of {Amount(whole, unit)}" : Amount(completed, unit));

    /// <summary>"Hashing data.csv: 40% (4.2 MB of 10.5 MB)", or without the percentage while the total is unknown.</summary>
    public static string Line(string description, long completed, long? total, ProgressUnit unit, string? status)
    {
        var detail = Detail(completed, total, unit, status);
        return Percent(completed, total) is { } percent ? $"{description}: {percent}% ({detail})" : $"{description}: {detail}";
    }

    static string Amount(long value, ProgressUnit unit) => unit == ProgressUnit.Bytes ? Bytes(value) : value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Decimal units, as Docker and registries show sizes.</summary>
    public static string Bytes(long bytes) => bytes switch
    {
        < 1_000 => $"{bytes} B",
        < 1_000_000 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1e3:0.0} kB"),
        < 1_000_000_000 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1e6:0.0} MB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1e9:0.00} GB"),
    };
}
