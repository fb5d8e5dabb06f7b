using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;

namespace MlopsBuild.Data.Validation;

/// <summary>The spellings of booleans found in real files: true/false, yes/no, t/f, y/n, 1/0 (ASCII, any case).</summary>
public static class BooleanText
{
    public static bool TryParse(ReadOnlySpan<char> text, out bool value) => TryParse<char>(text, out value);

    /// <summary>The same, from UTF-8: validation reads booleans without decoding them.</summary>
    public static bool TryParse(ReadOnlySpan<byte> utf8, out bool value) => TryParse<byte>(utf8, out value);

    // Optimised from the first call: generic over static abstract members, it is not precompiled, and validation calls it
    // for every row of a boolean column.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    static bool TryParse<T>(ReadOnlySpan<T> text, out bool value) where T : unmanaged, IBinaryInteger<T>
    {
        value = false;
        switch (text.Length)
        {
            case 1:
                var c = char.ToLowerInvariant((char)uint.CreateTruncating(text[0]));
                value = c is '1' or 't' or 'y';
                return value || c is '0' or 'f' or 'n';
            case 2:
                return IsWord(text, "no");
            case 3:
                return value = IsWord(text, "yes");
            case 4:
                return value = IsWord(text, "true");
            case 5:
                return IsWord(text, "false");
            default:
                return false;
        }
    }

    static bool IsWord<T>(ReadOnlySpan<T> text, string word) where T : unmanaged, IBinaryInteger<T> =>
        typeof(T) == typeof(byte)
            ? Ascii.EqualsIgnoreCase(MemoryMarshal.Cast<T, byte>(text), word)
            : Ascii.EqualsIgnoreCase(MemoryMarshal.Cast<T, char>(text), word);
}
