using System.Globalization;

namespace MlopsBuild.Registry.Versions;

/// <summary>Version numbers as people type them: "7" or "v7".</summary>
public static class VersionLabel
{
    public static string Of(int number) => "v" + number.ToString(CultureInfo.InvariantCulture);

    /// <summary>The number "7", "v7" or "V7" stands for, or null when the text is not a version number (then it names an alias).</summary>
    public static int? TryParse(string text)
    {
        var digits = text.StartsWith('v') || text.StartsWith('V') ? text[1..] : text;
        return digits.Length > 0 && digits.All(char.IsAsciiDigit)
               && int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0
            ? number
            : null;
    }
}
