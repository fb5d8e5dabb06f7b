using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace MlopsBuild.Data.Reading;

/// <summary>
/// Finds the next separator, quote or line feed in decoded CSV text. It compares 64 characters at a time with SIMD
/// and keeps the result as a bit mask, so that consecutive short fields cost a shift and a bit scan each.
/// </summary>
internal struct CsvSpecialCharacterScanner
{
    /// <summary>Characters compared at a time; the scan may read up to this many past the end, so buffers need the padding.</summary>
    public const int Width = 64;

    private const int NoWindow = -2 * Width;

    private readonly char _separator;
    private int _windowStart = NoWindow;
    private ulong _window;   // bit i is set when the character at _windowStart + i is special

    public CsvSpecialCharacterScanner(char separator)
    {
        _separator = separator;
    }

    /// <summary>Forgets what was found; needed whenever the text changes.</summary>
    public void Reset() => _windowStart = NoWindow;

    /// <summary>The index of the first special character at or after <paramref name="from"/>, or <paramref name="end"/> if none.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Next(char[] text, int end, int from)
    {
        uint offset = (uint)(from - _windowStart);
        if (offset < Width)
        {
            ulong bits = _window >> (int)offset;
            if (bits != 0) return from + BitOperations.TrailingZeroCount(bits);
        }
        return NextInNewWindows(text, end, from);
    }

    private int NextInNewWindows(char[] text, int end, int from)
    {
        if ((uint)(from - _windowStart) < Width) from = _windowStart + Width;
        while (from < end)
        {
            _windowStart = from;
            _window = Find(ref text[from], _separator);
            int available = end - from;
            if (available < Width) _window &= (1UL << available) - 1;
            if (_window != 0) return from + BitOperations.TrailingZeroCount(_window);
            from += Width;
        }
        return end;
    }

    /// <summary>Bit i is set when <c>text[i]</c> is the separator, a quote or a line feed; reads exactly 64 characters.</summary>
    private static ulong Find(ref char text, char separator)
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
