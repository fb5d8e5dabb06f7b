using System.Globalization;

namespace MlopsBuild.Quality.Gates;

/// <summary>Numbers as gate names and reasons show them: invariant, short, and never "0" for a tiny tolerance.</summary>
internal static class Numbers
{
    /// <summary>A bound as the user wrote it (0.85, 1E-09).</summary>
    public static string Exact(double value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A measured value, to four decimals when that shows it.</summary>
    public static string Measured(double value) =>
        double.IsNaN(value) ? "undefined (NaN)"
        : value == 0 || Math.Abs(value) >= 0.001 ? value.ToString("0.####", CultureInfo.InvariantCulture)
        : value.ToString("0.###E+0", CultureInfo.InvariantCulture);

    public static string Percent(double share) => (share * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%";

    public static string Signed(double value) => (value >= 0 ? "+" : "") + Measured(value);
}
