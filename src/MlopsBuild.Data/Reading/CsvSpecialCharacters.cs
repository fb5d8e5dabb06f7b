using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace MlopsBuild.Data.Reading;

/// <summary>Finds separators, quotes and line feeds 64 characters at a time with SIMD compares.</summary>
internal static class CsvSpecialCharacters
{
    public const int Width = 64;

    /// <summary>Bit i is set when <c>text[i]</c> is the separator, a quote or a line feed; reads exactly 64 characters.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Find(ref char text, char separator)
    {
        ref ushort start = ref Unsafe.As<char, ushort>(ref text);
        if (Vector512.IsHardwareAccelerated)
            return Bits512(ref start, 0, separator) | Bits512(ref start, 32, separator) << 32;
        if (Vector256.IsHardwareAccelerated)
            return Bits256(ref start, 0, separator) | Bits256(ref start, 32, separator) << 32;
        return Bits128(ref start, 0, separator) | Bits128(ref start, 16, separator) << 16
            | Bits128(ref start, 32, separator) << 32 | Bits128(ref start, 48, separator) << 48;
    }

    private static ulong Bits512(ref ushort start, nuint offset, char separator) =>
        Matches(Vector512.LoadUnsafe(ref start, offset), separator).ExtractMostSignificantBits();

    private static ulong Bits256(ref ushort start, nuint offset, char separator)
    {
        // Narrowing the all-ones/all-zeros compare results to bytes gives 32 mask bits with one byte movemask.
        var low = Matches(Vector256.LoadUnsafe(ref start, offset), separator);
        var high = Matches(Vector256.LoadUnsafe(ref start, offset + 16), separator);
        return Vector256.Narrow(low, high).ExtractMostSignificantBits();
    }

    private static ulong Bits128(ref ushort start, nuint offset, char separator)
    {
        var low = Matches(Vector128.LoadUnsafe(ref start, offset), separator);
        var high = Matches(Vector128.LoadUnsafe(ref start, offset + 8), separator);
        return Vector128.Narrow(low, high).ExtractMostSignificantBits();
    }

    private static Vector512<ushort> Matches(Vector512<ushort> chars, char separator) =>
        Vector512.Equals(chars, Vector512.Create((ushort)separator))
        | Vector512.Equals(chars, Vector512.Create((ushort)'"'))
        | Vector512.Equals(chars, Vector512.Create((ushort)'\n'));

    private static Vector256<ushort> Matches(Vector256<ushort> chars, char separator) =>
        Vector256.Equals(chars, Vector256.Create((ushort)separator))
        | Vector256.Equals(chars, Vector256.Create((ushort)'"'))
        | Vector256.Equals(chars, Vector256.Create((ushort)'\n'));

    private static Vector128<ushort> Matches(Vector128<ushort> chars, char separator) =>
        Vector128.Equals(chars, Vector128.Create((ushort)separator))
        | Vector128.Equals(chars, Vector128.Create((ushort)'"'))
        | Vector128.Equals(chars, Vector128.Create((ushort)'\n'));
}
