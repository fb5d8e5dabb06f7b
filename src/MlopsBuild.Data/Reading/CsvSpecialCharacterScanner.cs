using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace MlopsBuild.Data.Reading;

/// <summary>
/// Finds the next separator, quote or line feed in CSV text (UTF-8 bytes). It compares 64 bytes at a time with SIMD
/// and keeps the result as a bit mask, so that consecutive short fields cost a shift and a bit scan each. The three are
/// ASCII, and no byte of a multi-byte UTF-8 character is ASCII, so a match is always the character itself.
/// </summary>
internal struct CsvSpecialCharacterScanner
{
    /// <summary>Bytes compared at a time; the scan may read up to this many past the end, so buffers need the padding.</summary>
    public const int Width = 64;

    private const int NoWindow = -2 * Width;

    private readonly byte _separator;
    private int _windowStart = NoWindow;
    private ulong _window;   // bit i is set when the byte at _windowStart + i is special

    public CsvSpecialCharacterScanner(byte separator)
    {
        _separator = separator;
    }

    /// <summary>Forgets what was found; needed whenever the text changes.</summary>
    public void Reset() => _windowStart = NoWindow;

    /// <summary>The index of the first special character at or after <paramref name="from"/>, or <paramref name="end"/> if none.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Next(byte[] text, int end, int from)
    {
        uint offset = (uint)(from - _windowStart);
        if (offset < Width)
        {
            ulong bits = _window >> (int)offset;
            if (bits != 0) return from + BitOperations.TrailingZeroCount(bits);
        }
        return NextInNewWindows(text, end, from);
    }

    private int NextInNewWindows(byte[] text, int end, int from)
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

    /// <summary>Bit i is set when <c>text[i]</c> is the separator, a quote or a line feed; reads exactly 64 bytes.</summary>
    // Optimised from the first call: the ReadyToRun code assumes no 512-bit vectors, so where there are some the JIT
    // compiles this, and its unoptimised first tier ran for a third of a validation before the runtime promoted it.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static ulong Find(ref byte text, byte separator)
    {
        if (Vector512.IsHardwareAccelerated)
            return Matches(Vector512.LoadUnsafe(ref text), separator).ExtractMostSignificantBits();
        if (Vector256.IsHardwareAccelerated)
            return Matches(Vector256.LoadUnsafe(ref text), separator).ExtractMostSignificantBits()
                | (ulong)Matches(Vector256.LoadUnsafe(ref text, 32), separator).ExtractMostSignificantBits() << 32;
        ulong bits = 0;
        for (int i = 0; i < Width; i += 16)
            bits |= (ulong)Matches(Vector128.LoadUnsafe(ref text, (nuint)i), separator).ExtractMostSignificantBits() << i;
        return bits;
    }

    private static Vector512<byte> Matches(Vector512<byte> bytes, byte separator) =>
        Vector512.Equals(bytes, Vector512.Create(separator))
        | Vector512.Equals(bytes, Vector512.Create((byte)'"'))
        | Vector512.Equals(bytes, Vector512.Create((byte)'\n'));

    private static Vector256<byte> Matches(Vector256<byte> bytes, byte separator) =>
        Vector256.Equals(bytes, Vector256.Create(separator))
        | Vector256.Equals(bytes, Vector256.Create((byte)'"'))
        | Vector256.Equals(bytes, Vector256.Create((byte)'\n'));

    private static Vector128<byte> Matches(Vector128<byte> bytes, byte separator) =>
        Vector128.Equals(bytes, Vector128.Create(separator))
        | Vector128.Equals(bytes, Vector128.Create((byte)'"'))
        | Vector128.Equals(bytes, Vector128.Create((byte)'\n'));
}
