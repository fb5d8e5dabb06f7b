using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace MlopsBuild.Data.Reading;

/// <summary>
/// Reads the digits of an unsigned decimal of 4 to 16 characters ("123.4567") without a branch per character:
/// the characters go into one 16-byte vector, right-aligned by a shuffle, the point is shuffled out, and the
/// digits are combined eight at a time. Values of varying length parse at a steady speed because no branch
/// depends on where the point is or where the text ends.
/// </summary>
internal static class ShortDecimalDigits
{
    public const int MinLength = 4;
    public const int MaxLength = 16;

    private const byte Zero = 0x80;   // a shuffle index that yields 0
    private const byte Point = unchecked((byte)('.' - '0'));

    // By text length: moves the characters, loaded as four overlapping 4-character pieces, to the end of the vector.
    private static readonly Vector128<byte>[] RightAlign = BuildRightAlign();

    // By vector lane of the point (16: none): moves the digits before the point one lane up, over it.
    private static readonly Vector128<byte>[] RemovePoint = BuildRemovePoint();

    /// <summary>
    /// True when <paramref name="text"/> (4 to 16 characters) is digits with at most one point; then
    /// <paramref name="digits"/> is the number without the point and <paramref name="fractionDigits"/> counts the
    /// digits after it. False means "not handled here", not "not a number".
    /// </summary>
    public static bool TryRead(ReadOnlySpan<char> text, out ulong digits, out int fractionDigits)
    {
        digits = 0;
        fractionDigits = 0;
        int length = text.Length;
        if (length is < MinLength or > MaxLength) return false;

        // Four overlapping loads cover any length from 4 to 16 without reading outside the text.
        ulong first = ReadFourChars(text, 0);
        ulong second = ReadFourChars(text, Math.Min(4, length - 4));
        ulong third = ReadFourChars(text, Math.Min(8, length - 4));
        ulong fourth = ReadFourChars(text, length - 4);
        if (((first | second | third | fourth) & 0xFF80_FF80_FF80_FF80) != 0) return false;   // not all ASCII

        var values = Vector128.Narrow(Vector128.Create(first, second).AsUInt16(), Vector128.Create(third, fourth).AsUInt16())
            - Vector128.Create((byte)'0');
        var digitOrPoint = Vector128.LessThanOrEqual(values, Vector128.Create((byte)9)) | Vector128.Equals(values, Vector128.Create(Point));
        if (digitOrPoint.ExtractMostSignificantBits() != 0xFFFF) return false;

        var aligned = Vector128.ShuffleNative(values, RightAlign[length]);
        uint points = Vector128.Equals(aligned, Vector128.Create(Point)).ExtractMostSignificantBits();
        if ((points & (points - 1)) != 0) return false;   // more than one point
        int pointLane = BitOperations.TrailingZeroCount(points | 0x1_0000);
        fractionDigits = 15 - pointLane + (pointLane >> 4);   // 0 when there is no point (lane 16)

        var number = Vector128.ShuffleNative(aligned, RemovePoint[pointLane]).AsUInt64();
        digits = EightDigits(number.GetElement(0)) * 100_000_000 + EightDigits(number.GetElement(1));
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong ReadFourChars(ReadOnlySpan<char> text, int index) =>
        Unsafe.ReadUnaligned<ulong>(ref Unsafe.As<char, byte>(ref Unsafe.Add(ref MemoryMarshal.GetReference(text), index)));

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
                lanes[lane] = Zero;
                for (int piece = 0; piece < 4 && index >= 0; piece++)
                {
                    int start = Math.Min(4 * piece, length - 4);
                    if (index >= start && index < start + 4)
                    {
                        lanes[lane] = (byte)(4 * piece + index - start);
                        break;
                    }
                }
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
