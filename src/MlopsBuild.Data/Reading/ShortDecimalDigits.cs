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

    private const byte Zero = 0x80;   // a shuffle index that yields 0
    private const byte Point = unchecked((byte)('.' - '0'));

    // By text length: moves the characters to the end of the vector, from where the loads put them (see Load).
    private static readonly Vector128<byte>[] RightAlign = BuildRightAlign();

    // By vector lane of the point (16: none): moves the digits before the point one lane up, over it.
    private static readonly Vector128<byte>[] RemovePoint = BuildRemovePoint();

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

        var values = Vector128.Narrow(head, tail) - Vector128.Create((byte)'0');
        var digitOrPoint = Vector128.LessThanOrEqual(values, Vector128.Create((byte)9)) | Vector128.Equals(values, Vector128.Create(Point));
        if (digitOrPoint.ExtractMostSignificantBits() != 0xFFFF) return false;

        var aligned = Vector128.ShuffleNative(values, RightAlign[length]);
        uint points = Vector128.Equals(aligned, Vector128.Create(Point)).ExtractMostSignificantBits();
        if ((points & (points - 1)) != 0) return false;   // more than one point
        int pointLane = BitOperations.TrailingZeroCount(points | 0x1_0000);
        fractionDigits = 15 - pointLane + (pointLane >> 4);   // 0 when there is no point (lane 16)

        digits = SixteenDigits(Vector128.ShuffleNative(aligned, RemovePoint[pointLane]));
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

    /// <summary>Where <see cref="Load"/> puts character <paramref name="index"/> of a text of <paramref name="length"/> in the narrowed vector.</summary>
    private static int LoadedLane(int length, int index)
    {
        int half = length >= 8 ? 8 : 4;   // characters taken from each end
        return index < half ? index : half + index - (length - half);
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

    private static Vector128<byte>[] BuildRightAlign()
    {
        var table = new Vector128<byte>[MaxLength + 1];
        var lanes = new byte[16];
        for (int length = MinLength; length <= MaxLength; length++)
        {
            for (int lane = 0; lane < 16; lane++)
            {
                int index = lane - (16 - length);   // the character this lane receives
                lanes[lane] = index < 0 ? Zero : (byte)LoadedLane(length, index);
            }
            table[length] = Vector128.Create(lanes);
        }
        return table;
    }

    private static Vector128<byte>[] BuildRemovePoint()
    {
        var table = new Vector128<byte>[17];
        var lanes = new byte[16];
        for (int point = 0; point <= 16; point++)
        {
            for (int lane = 0; lane < 16; lane++)
                lanes[lane] = lane > point || point == 16 ? (byte)lane : lane == 0 ? Zero : (byte)(lane - 1);
            table[point] = Vector128.Create(lanes);
        }
        return table;
    }
}
