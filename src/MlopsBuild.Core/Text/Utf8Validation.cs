using System.Text.Unicode;

namespace MlopsBuild.Core.Text;

/// <summary>Where UTF-8 text goes wrong, for error messages that point at the byte.</summary>
public static class Utf8Validation
{
    /// <summary>The offset of the first byte that is not valid UTF-8, or -1 when every byte is.</summary>
    public static int FirstInvalidByte(ReadOnlySpan<byte> utf8)
    {
        if (Utf8.IsValid(utf8)) return -1;
        // Decoding stops at the first invalid sequence; UTF-16 never needs more characters than UTF-8 has bytes.
        Utf8.ToUtf16(utf8, new char[utf8.Length], out var valid, out _, replaceInvalidSequences: false);
        return valid;
    }
}
