using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace MlopsBuild.Data.Reading;

/// <summary>
/// Parses four short decimals at once with AVX-512, one to each 128-bit lane: numeric columns are mostly fields like
/// "-41.735826", and one at a time (<see cref="NumberParser"/>) their parse was a quarter of a validation's CPU.
/// Accepts what fits a lane: 4 to 16 characters, an optional leading sign, then digits with at most one point. That
/// is at most 15 digits with a point, so the value is exact as in <see cref="NumberParser"/>'s short path (one
/// correctly rounded division), or a 16-digit integer, which the conversion to double rounds correctly by itself:
/// bit for bit what <c>double.Parse</c> gives. Anything else returns false, for the caller to parse one by one.
/// The digits are combined as in <see cref="ShortDecimalDigits"/>, which reads one field the same way.
/// </summary>
internal static class FourShortDecimals
{
    /// <summary>Bytes read from each field's start; the text must hold this many from every start.</summary>
    public const int LaneWidth = 16;

    private const int MinLength = 4;
    private const byte Point = unchecked((byte)('.' - '0'));
    private const byte Minus = unchecked((byte)('-' - '0'));
    private const byte Plus = unchecked((byte)('+' - '0'));

    public static bool IsSupported => Avx512BW.IsSupported && Avx512DQ.IsSupported && Avx512Vbmi.IsSupported;

    // Each byte's position in its lane.
    private static ReadOnlySpan<byte> PositionInLane =>
    [
        0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15,
        0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15,
    ];

    // Copies the low byte of length i (an int, bytes 4i to 4i + 3) to every byte of lane i.
    private static ReadOnlySpan<byte> LengthToLane =>
    [
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4,
        8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 12, 12, 12, 12, 12, 12, 12, 12, 12, 12, 12, 12, 12, 12, 12, 12,
    ];

    /// <summary>
    /// The values of the four fields of <paramref name="text"/> at <paramref name="starts"/>, <paramref name="lengths"/>
    /// bytes long; false, with nothing read, when one of them is not a short decimal or the text has fewer than
    /// <see cref="LaneWidth"/> bytes from its start (or the machine lacks the instructions).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryParse(byte[] text, Vector128<int> starts, Vector128<int> lengths, out Vector256<double> values)
    {
        values = default;
        if (!IsSupported) return false;
        if (!Vector128.LessThanOrEqualAll((lengths - Vector128.Create(MinLength)).AsUInt32(), Vector128.Create((uint)(LaneWidth - MinLength)))) return false;
        // Every start with a lane's width of text after it (compared unsigned, so a negative start fails too).
        if (text.Length < LaneWidth || !Vector128.LessThanOrEqualAll(starts.AsUInt32(), Vector128.Create((uint)(text.Length - LaneWidth)))) return false;

        ref byte first = ref MemoryMarshal.GetArrayDataReference(text);
        var loaded = Vector128.LoadUnsafe(ref first, (nuint)starts.GetElement(0)).ToVector256Unsafe().ToVector512Unsafe();
        loaded = Avx512F.InsertVector128(loaded, Vector128.LoadUnsafe(ref first, (nuint)starts.GetElement(1)), 1);
        loaded = Avx512F.InsertVector128(loaded, Vector128.LoadUnsafe(ref first, (nuint)starts.GetElement(2)), 2);
        loaded = Avx512F.InsertVector128(loaded, Vector128.LoadUnsafe(ref first, (nuint)starts.GetElement(3)), 3);
        var characters = loaded - Vector512.Create((byte)'0');

        // A leading sign becomes a leading zero digit, which leaves the value as it is.
        var position = Vector512.Create(PositionInLane);
        var leading = Vector512.Equals(position, Vector512<byte>.Zero);
        var minus = Vector512.Equals(characters, Vector512.Create(Minus)) & leading;
        var sign = minus | (Vector512.Equals(characters, Vector512.Create(Plus)) & leading);
        characters = Vector512.AndNot(characters, sign);

        // Right-aligns each field: position p takes character p + length − 16, and a shuffle index below 0 gives 0.
        var length = Avx512Vbmi.PermuteVar64x8(lengths.AsByte().ToVector256Unsafe().ToVector512Unsafe(), Vector512.Create(LengthToLane));
        var aligned = Avx512BW.Shuffle(characters, position + length - Vector512.Create((byte)LaneWidth));
        var point = Vector512.Equals(aligned, Vector512.Create(Point));
        if ((Vector512.LessThanOrEqual(aligned, Vector512.Create((byte)9)) | point).ExtractMostSignificantBits() != ulong.MaxValue) return false;

        // Counts and places each lane's points in one sum of 65 + position over them: 0 with no point, 65 to 80 with one,
        // 130 or more with two or more.
        var pointSums = Avx512BW.SumAbsoluteDifferences(point & (position + Vector512.Create((byte)65)), Vector512<byte>.Zero).AsUInt64();
        pointSums += Avx512F.Shuffle(pointSums.AsUInt32(), 0b01_00_11_10).AsUInt64();   // each 64-bit half adds the other
        if (!Vector512.LessThanAll(pointSums, Vector512.Create(128UL))) return false;
        var afterPoint = pointSums & Vector512.Create(63UL);                                  // the point's position + 1, or 0
        var fractionDigits = (Vector512.Create((ulong)LaneWidth) - afterPoint) & Vector512.Create((ulong)LaneWidth - 1);

        // The digits up to the point move one position up, over it; the first gets 0 (the shuffle index wraps to 255).
        var pointEnd = Avx512BW.Shuffle(afterPoint.AsByte(), Vector512<byte>.Zero);
        var digits = Avx512BW.Shuffle(aligned, position + Vector512.LessThan(position, pointEnd));

        // Multiply-adds of adjacent digits: pairs (10a + b), fours (100ab + cd), eights (10000abcd + efgh); then the
        // lane's two eights make its number in the lane's low 64 bits (the high 64 bits get a copy, dropped at the end).
        var pairs = Avx512BW.MultiplyAddAdjacent(digits, Vector512.Create((ushort)(1 << 8 | 10)).AsSByte());
        var fours = Avx512BW.MultiplyAddAdjacent(pairs, Vector512.Create(1 << 16 | 100).AsInt16());
        var eights = Avx512BW.MultiplyAddAdjacent(Avx512BW.PackSignedSaturate(fours, fours), Vector512.Create(1 << 16 | 10_000).AsInt16()).AsUInt64();
        var number = Avx512F.Multiply(eights.AsUInt32(), Vector512.Create(100_000_000UL).AsUInt32()) + (eights >>> 32);

        var powersOfTen = NumberParser.PowersOfTen;
        var powers = Avx512F.PermuteVar8x64x2(Vector512.Create(powersOfTen[..8]), fractionDigits.AsInt64(), Vector512.Create(powersOfTen[8..16]));
        var signed = (Avx512DQ.ConvertToVector512Double(number.AsInt64()) / powers).AsUInt64() | minus.AsUInt64() << 63;
        values = Avx512F.PermuteVar8x64(signed, Vector512.Create(0UL, 2, 4, 6, 0, 2, 4, 6)).AsDouble().GetLower();
        return true;
    }
}
