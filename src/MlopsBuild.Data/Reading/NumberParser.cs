using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;

namespace MlopsBuild.Data.Reading;

/// <summary>
/// Parses numbers exactly as <see cref="double.Parse(string, NumberStyles, IFormatProvider)"/> and
/// <see cref="long.Parse(string, NumberStyles, IFormatProvider)"/> do with the invariant culture, with a fast path
/// for the plain decimals that fill numeric data files.
/// </summary>
public static class NumberParser
{
    private const int MaxSignificantDigits = 19;   // digits, leading zeros included, that fit a ulong
    private const int MaxExactPowerOfTen = 22;     // 10^22 is the largest power of ten a double holds exactly
    private const ulong MaxExactMantissa = 1UL << 53;

    internal static ReadOnlySpan<double> PowersOfTen =>
    [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ];

    /// <summary>Bit for bit the value of <c>double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture)</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // called per value from the first row on: no unoptimised first tier
    public static bool TryParseDouble(ReadOnlySpan<char> text, out double value) =>
        TryParseShortDecimal(text, out value)
        || TryParsePlainDecimal(text, out value)
        || double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);

    /// <summary>
    /// <see cref="TryParseDouble(ReadOnlySpan{char}, out double)"/> of UTF-8 text: the short decimals most fields hold are
    /// read from the bytes, anything else is decoded first. Bit for bit the same value either way.
    /// </summary>
    public static bool TryParseDouble(ReadOnlySpan<byte> utf8, out double value)
    {
        if (TryParseShortDecimal(utf8, out value)) return true;
        const int StackChars = 128;
        Span<char> chars = utf8.Length <= StackChars ? stackalloc char[StackChars] : new char[utf8.Length];
        return TryParseDouble(chars[..Encoding.UTF8.GetChars(utf8, chars)], out value);
    }

    /// <summary>The same as <c>long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out value)</c>.</summary>
    public static bool TryParseInt64(ReadOnlySpan<char> text, out long value) =>
        TryParsePlainInteger(text, out value)
        || long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out value);

    /// <summary>
    /// A sign and 4 to 16 digits with at most one point, the common case in data files, read with SIMD. Exact like
    /// Clinger's path: with a point there are at most 15 digits, below 2^53; 16 digits without a point make an
    /// integer, which the conversion to double rounds correctly by itself. <typeparamref name="T"/> is char for text,
    /// byte for UTF-8 (the JIT compiles each apart, so the test of which it is costs nothing).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool TryParseShortDecimal<T>(ReadOnlySpan<T> text, out double value) where T : unmanaged, IBinaryInteger<T>
    {
        value = 0;
        if (text.IsEmpty) return false;
        bool negative = text[0] == T.CreateTruncating('-');
        int signLength = negative | text[0] == T.CreateTruncating('+') ? 1 : 0;
        var digits = text[signLength..];
        ulong mantissa;
        int fractionDigits;
        bool read = typeof(T) == typeof(byte)
            ? ShortDecimalDigits.TryRead(MemoryMarshal.Cast<T, byte>(digits), out mantissa, out fractionDigits)
            : ShortDecimalDigits.TryRead(MemoryMarshal.Cast<T, char>(digits), out mantissa, out fractionDigits);
        if (!read) return false;
        value = WithSign((long)mantissa / PowersOfTen[fractionDigits], negative);
        return true;
    }

    /// <summary>
    /// Clinger's fast path: when the decimal digits fit in 53 bits and the power of ten is exact, one IEEE multiply or
    /// divide rounds correctly. Returns false for anything else (the caller falls back to the full parser).
    /// </summary>
    private static bool TryParsePlainDecimal(ReadOnlySpan<char> text, out double value)
    {
        value = 0;
        if (text.IsEmpty) return false;
        int i = 0;
        bool negative = text[0] == '-';
        if (negative || text[0] == '+') i = 1;

        ulong mantissa = 0;   // wraps beyond 19 digits, which the digit count then rejects
        int digits = 0;
        int digitsBeforePoint = -1;
        for (; i < text.Length; i++)
        {
            uint digit = (uint)(text[i] - '0');
            if (digit <= 9)
            {
                mantissa = mantissa * 10 + digit;
                digits++;
            }
            else if (text[i] == '.' && digitsBeforePoint < 0)
            {
                digitsBeforePoint = digits;
            }
            else
            {
                break;
            }
        }
        if (digits == 0 || digits > MaxSignificantDigits || mantissa > MaxExactMantissa) return false;

        int exponent = digitsBeforePoint < 0 ? 0 : digitsBeforePoint - digits;
        if (i < text.Length)
        {
            if ((text[i] | 0x20) != 'e' || !TryParseSmallExponent(text[(i + 1)..], out int written)) return false;
            exponent += written;
        }
        if (exponent < -MaxExactPowerOfTen || exponent > MaxExactPowerOfTen) return false;
        value = WithSign(exponent < 0 ? (long)mantissa / PowersOfTen[-exponent] : (long)mantissa * PowersOfTen[exponent], negative);
        return true;
    }

    /// <summary>Sets the sign bit without a branch (signs vary unpredictably in data); gives -0 for a negative zero as double.Parse does.</summary>
    private static double WithSign(double magnitude, bool negative) =>
        BitConverter.Int64BitsToDouble(BitConverter.DoubleToInt64Bits(magnitude) | (long)(negative ? 1 : 0) << 63);

    /// <summary>The rest of the text is an exponent: an optional sign and one to three digits.</summary>
    private static bool TryParseSmallExponent(ReadOnlySpan<char> text, out int exponent)
    {
        exponent = 0;
        int i = text.Length > 0 && (text[0] == '-' || text[0] == '+') ? 1 : 0;
        if (text.Length == i || text.Length - i > 3) return false;
        for (int j = i; j < text.Length; j++)
        {
            if (!char.IsAsciiDigit(text[j])) return false;
            exponent = exponent * 10 + (text[j] - '0');
        }
        if (text[0] == '-') exponent = -exponent;
        return true;
    }

    private static bool TryParsePlainInteger(ReadOnlySpan<char> text, out long value)
    {
        const int MaxDigitsWithoutOverflow = 18;
        value = 0;
        int i = text.Length > 0 && (text[0] == '-' || text[0] == '+') ? 1 : 0;
        if (text.Length == i || text.Length - i > MaxDigitsWithoutOverflow) return false;
        long magnitude = 0;
        for (int j = i; j < text.Length; j++)
        {
            if (!char.IsAsciiDigit(text[j])) return false;
            magnitude = magnitude * 10 + (text[j] - '0');
        }
        value = text[0] == '-' ? -magnitude : magnitude;
        return true;
    }
}
