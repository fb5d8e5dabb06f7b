using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace MlopsBuild.Data.Reading;

/// <summary>
/// Reads the digits of an unsigned decimal of 4 to 16 characters ("123.4567") without a branch per character:
/// the characters go into one 16-byte vector, right-aligned by a shuffle, the point is shuffled out, and the
/// digits are combined in pairs, fours and eights. Values of varying length parse at a steady speed because no branch
/// depends on where the point is or where the text ends.
/// </summary>
internal static class ShortDecimalDigits
{
    public const int MinLength = 4;
    public const int MaxLength = 16;

    private const byte Point = unchecked((byte)('.' - '0'));

    // Shuffle tables, 16 lanes per row, kept as constant data (no allocation, no static constructor to wait for). A lane
    // of 0x80 yields 0.
    // By text length (rows 4 to 16; 0 to 3 unused): moves the characters to the end of the vector, from where Load puts
    // them (the first and last 8, or 4 below 8 characters, side by side).
    private static ReadOnlySpan<byte> RightAlign =>
    [
        0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
        0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
        0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
        0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
        0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x00, 0x01, 0x02, 0x03,
        0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x00, 0x01, 0x02, 0x03, 0x07,
        0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x00, 0x01, 0x02, 0x03, 0x06, 0x07,
        0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x00, 0x01, 0x02, 0x03, 0x05, 0x06, 0x07,
        0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07,
        0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x0F,
        0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x0E, 0x0F,
        0x80, 0x80, 0x80, 0x80, 0x80, 0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x0D, 0x0E, 0x0F,
        0x80, 0x80, 0x80, 0x80, 0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x0C, 0x0D, 0x0E, 0x0F,
        0x80, 0x80, 0x80, 0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x0B, 0x0C, 0x0D, 0x0E, 0x0F,
        0x80, 0x80, 0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x0A, 0x0B, 0x0C, 0x0D, 0x0E, 0x0F,
        0x80, 0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x0E, 0x0F,
        0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x0E, 0x0F,
    ];

    // By vector lane of the point (row 16: none): moves the digits before the point one lane up, over it.
    private static ReadOnlySpan<byte> RemovePoint =>
    [
        0x80, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x0E, 0x0F,
        0x80, 0x00, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x0E, 0x0F,
        0x80, 0x00, 0x01, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x0E, 0x0F,
        0x80, 0x00, 0x01, 0x02, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x0E, 0x0F,
        0x80, 0x00, 0x01, 0x02, 0x03, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x0E, 0x0F,
        0x80, 0x00, 0x01, 0x02, 0x03, 0x04, 0x06, 0x07, 0x08, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x0E, 0x0F,
        0x80, 0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x07, 0x08, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x0E, 0x0F,
        0x80, 0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x08, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x0E, 0x0F,
        0x80, 0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x0E, 0x0F,
        0x80, 0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x0A, 0x0B, 0x0C, 0x0D, 0x0E, 0x0F,
        0x80, 0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0B, 0x0C, 0x0D, 0x0E, 0x0F,
        0x80, 0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0A, 0x0C, 0x0D, 0x0E, 0x0F,
        0x80, 0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0A, 0x0B, 0x0D, 0x0E, 0x0F,
        0x80, 0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0A, 0x0B, 0x0C, 0x0E, 0x0F,
        0x80, 0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x0F,
        0x80, 0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x0E,
        0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x0E, 0x0F,
    ];

    /// <summary>
    /// True when <paramref name="text"/> (4 to 16 characters) is digits with at most one point; then
    /// <paramref name="digits"/> is the number without the point and <paramref name="fractionDigits"/> counts the
    /// digits after it. False means "not handled here", not "not a number".
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryRead(ReadOnlySpan<char> text, out ulong digits, out int fractionDigits)
    {
        digits = 0;
        fractionDigits = 0;
        int length = text.Length;
        if (length is < MinLength or > MaxLength) return false;

        var (head, tail) = Load(text);
        if (((head | tail) & Vector128.Create((ushort)0xFF80)) != Vector128<ushort>.Zero) return false;   // not all ASCII
        return TryReadLoaded(Vector128.Narrow(head, tail), length, out digits, out fractionDigits);
    }

    /// <summary>What the overload for characters does, for the same text in UTF-8.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryRead(ReadOnlySpan<byte> text, out ulong digits, out int fractionDigits)
    {
        digits = 0;
        fractionDigits = 0;
        int length = text.Length;
        if (length is < MinLength or > MaxLength) return false;
        // A byte of a multi-byte character is not ASCII, so the check for digits and point rejects it.
        return TryReadLoaded(Load(text), length, out digits, out fractionDigits);
    }

    /// <summary>
    /// Reads the text as <see cref="Load(ReadOnlySpan{char})"/> lays it out in 16 bytes: checks for digits and at most
    /// one point, right-aligns them by a shuffle, shuffles the point out and combines the digits.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool TryReadLoaded(Vector128<byte> text, int length, out ulong digits, out int fractionDigits)
    {
        digits = 0;
        fractionDigits = 0;
        var values = text - Vector128.Create((byte)'0');
        var digitOrPoint = Vector128.LessThanOrEqual(values, Vector128.Create((byte)9)) | Vector128.Equals(values, Vector128.Create(Point));
        if (digitOrPoint.ExtractMostSignificantBits() != 0xFFFF) return false;

        var aligned = Vector128.ShuffleNative(values, Row(RightAlign, length));
        uint points = Vector128.Equals(aligned, Vector128.Create(Point)).ExtractMostSignificantBits();
        if ((points & (points - 1)) != 0) return false;   // more than one point
        int pointLane = BitOperations.TrailingZeroCount(points | 0x1_0000);
        fractionDigits = 15 - pointLane + (pointLane >> 4);   // 0 when there is no point (lane 16)

        digits = SixteenDigits(Vector128.ShuffleNative(aligned, Row(RemovePoint, pointLane)));
        return true;
    }

    /// <summary>
    /// The text in two vectors of 8 characters that the narrowing joins: 8 from each end, or, below 8 characters, twice
    /// the same 4 from each end. Overlapping loads read nothing outside the text.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (Vector128<ushort> Head, Vector128<ushort> Tail) Load(ReadOnlySpan<char> text)
    {
        ref ushort start = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(text));
        int length = text.Length;
        if (length >= 8) return (Vector128.LoadUnsafe(ref start), Vector128.LoadUnsafe(ref start, (nuint)(length - 8)));
        var ends = Vector128.Create(
            Unsafe.ReadUnaligned<ulong>(ref Unsafe.As<ushort, byte>(ref start)),
            Unsafe.ReadUnaligned<ulong>(ref Unsafe.As<ushort, byte>(ref Unsafe.Add(ref start, length - 4)))).AsUInt16();
        return (ends, ends);
    }

    /// <summary>The same layout as the narrowed characters of <see cref="Load(ReadOnlySpan{char})"/>, from UTF-8.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<byte> Load(ReadOnlySpan<byte> text)
    {
        ref byte start = ref MemoryMarshal.GetReference(text);
        int length = text.Length;
        if (length >= 8)
            return Vector128.Create(Unsafe.ReadUnaligned<ulong>(ref start), Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref start, length - 8))).AsByte();
        uint head = Unsafe.ReadUnaligned<uint>(ref start);
        uint tail = Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref start, length - 4));
        return Vector128.Create(head, tail, head, tail).AsByte();
    }

    /// <summary>Sixteen digit values (0-9), most significant in lane 0, as a number.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ulong SixteenDigits(Vector128<byte> digits)
    {
        if (!Ssse3.IsSupported) return SixteenDigitsPortable(digits);
        // Multiply-adds of adjacent lanes: pairs (10a + b), then fours (100ab + cd), then eights (10000abcd + efgh).
        var pairs = Ssse3.MultiplyAddAdjacent(digits, Vector128.Create((sbyte)10, 1, 10, 1, 10, 1, 10, 1, 10, 1, 10, 1, 10, 1, 10, 1));
        var fours = Sse2.MultiplyAddAdjacent(pairs, Vector128.Create((short)100, 1, 100, 1, 100, 1, 100, 1));
        var eights = Sse2.MultiplyAddAdjacent(Sse2.PackSignedSaturate(fours, fours), Vector128.Create((short)10_000, 1, 10_000, 1, 10_000, 1, 10_000, 1));
        return (ulong)eights.GetElement(0) * 100_000_000 + (ulong)eights.GetElement(1);
    }

    /// <summary>What <see cref="SixteenDigits"/> computes, without x86 instructions.</summary>
    internal static ulong SixteenDigitsPortable(Vector128<byte> digits)
    {
        var halves = digits.AsUInt64();
        return EightDigits(halves.GetElement(0)) * 100_000_000 + EightDigits(halves.GetElement(1));
    }

    /// <summary>Eight digit values (0-9), most significant in the lowest byte, as a number (SWAR).</summary>
    private static ulong EightDigits(ulong bytes)
    {
        bytes = bytes * 10 + (bytes >> 8);   // pairs
        return ((bytes & 0x0000_00FF_0000_00FF) * (100 + (1_000_000UL << 32))
            + ((bytes >> 16) & 0x0000_00FF_0000_00FF) * (1 + (10_000UL << 32))) >> 32;
    }

    /// <summary>Row <paramref name="row"/> of a shuffle table; the callers' rows are within it (length 4–16, lane 0–16).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<byte> Row(ReadOnlySpan<byte> table, int row) =>
        Vector128.LoadUnsafe(ref MemoryMarshal.GetReference(table), (nuint)(row * 16));
}
