namespace MlopsBuild.Data.Validation;

/// <summary>The spellings of booleans found in real files: true/false, yes/no, t/f, y/n, 1/0 (any case).</summary>
public static class BooleanText
{
    public static bool TryParse(ReadOnlySpan<char> text, out bool value)
    {
        value = false;
        switch (text.Length)
        {
            case 1:
                var c = char.ToLowerInvariant(text[0]);
                value = c is '1' or 't' or 'y';
                return value || c is '0' or 'f' or 'n';
            case 2:
                return text.Equals("no", StringComparison.OrdinalIgnoreCase);
            case 3:
                return value = text.Equals("yes", StringComparison.OrdinalIgnoreCase);
            case 4:
                return value = text.Equals("true", StringComparison.OrdinalIgnoreCase);
            case 5:
                return text.Equals("false", StringComparison.OrdinalIgnoreCase);
            default:
                return false;
        }
    }
}
