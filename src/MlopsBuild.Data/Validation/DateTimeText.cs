using System.Globalization;

namespace MlopsBuild.Data.Validation;

/// <summary>ISO 8601 dates and times, as Unix seconds (UTC when no offset is given) for statistics.</summary>
public static class DateTimeText
{
    public static bool TryParseUnixSeconds(ReadOnlySpan<char> text, out double seconds)
    {
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var moment) && LooksIso(text))
        {
            seconds = moment.ToUnixTimeMilliseconds() / 1000.0;
            return true;
        }
        seconds = 0;
        return false;
    }

    /// <summary>Unix seconds as ISO 8601: a date when it is midnight UTC, else date and time.</summary>
    public static string Format(double seconds)
    {
        var moment = DateTimeOffset.UnixEpoch.AddSeconds(seconds);
        return moment.TimeOfDay == TimeSpan.Zero
            ? moment.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : moment.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
    }

    // DateTimeOffset.TryParse also accepts "5/1/2024" and month names; only year-first dates are ISO 8601.
    static bool LooksIso(ReadOnlySpan<char> text) =>
        text.Length >= 10 && char.IsAsciiDigit(text[0]) && char.IsAsciiDigit(text[3]) && text[4] == '-' && text[7] == '-';
}
