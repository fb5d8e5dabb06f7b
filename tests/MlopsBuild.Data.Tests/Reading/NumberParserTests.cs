using System.Text;
using System.Globalization;
using MlopsBuild.Data.Reading;

namespace MlopsBuild.Data.Tests.Reading;

public sealed class NumberParserTests
{
    [Theory]
    [InlineData("0")]
    [InlineData("-0")]
    [InlineData("+0")]
    [InlineData("0.0")]
    [InlineData("-0.0")]
    [InlineData("-0e5")]
    [InlineData("-123.4567")]
    [InlineData("1e-5")]
    [InlineData("1E+22")]
    [InlineData("1e23")]
    [InlineData("1e-22")]
    [InlineData("1e-23")]
    [InlineData("1.")]
    [InlineData(".5")]
    [InlineData("-.5")]
    [InlineData("+.5e1")]
    [InlineData("0.1")]
    [InlineData("0.3")]
    [InlineData("00001.2500")]
    [InlineData("9007199254740992")]
    [InlineData("9007199254740993")]
    [InlineData("9007199254740995")]
    [InlineData("9999999999999999")]
    [InlineData("-9999999999999999")]
    [InlineData("999999999999999.9")]
    [InlineData("900719925474099.3")]
    [InlineData("1234567890123456789")]
    [InlineData("12345678901234567890")]
    [InlineData("0.000000000000000000000000000001")]
    [InlineData("1.7976931348623157e308")]
    [InlineData("1.7976931348623159e308")]
    [InlineData("1e400")]
    [InlineData("-1e400")]
    [InlineData("1e-400")]
    [InlineData("4.9406564584124654E-324")]
    [InlineData("2.2250738585072011e-308")]
    [InlineData("1e0000000000000000000022")]
    [InlineData(" 1.5")]
    [InlineData("1.5 ")]
    [InlineData("\t-2\n")]
    [InlineData("Infinity")]
    [InlineData("-Infinity")]
    [InlineData("NaN")]
    [InlineData("∞")]
    [InlineData("")]
    [InlineData("-")]
    [InlineData("+")]
    [InlineData(".")]
    [InlineData("-.")]
    [InlineData("1e")]
    [InlineData("1e+")]
    [InlineData("e5")]
    [InlineData("1.2.3")]
    [InlineData("1..2")]
    [InlineData("0x10")]
    [InlineData("1,000")]
    [InlineData("1_000")]
    [InlineData("--1")]
    [InlineData("1e5.5")]
    [InlineData("1 000")]
    [InlineData("١٢")]
    public void Parses_a_double_exactly_as_double_parse_does(string text) => AssertSameAsDoubleParse(text);

    [Fact]
    public void Parses_random_doubles_in_many_formats_bit_for_bit_as_double_parse_does()
    {
        var random = new Random(20240601);
        string[] formats = ["R", "G17", "G", "G6", "F0", "F1", "F4", "F8", "E3", "E16", "0.################################"];
        for (int i = 0; i < 20_000; i++)
        {
            double value = random.Next(4) switch
            {
                0 => BitConverter.Int64BitsToDouble(random.NextInt64()),   // any bit pattern, NaN and infinities included
                1 => (random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-30, 30)),
                2 => Math.Round((random.NextDouble() - 0.3) * 10_000, random.Next(0, 7)),
                _ => random.Next(-1_000_000, 1_000_000) / Math.Pow(10, random.Next(0, 10)),
            };
            AssertSameAsDoubleParse(value.ToString(formats[random.Next(formats.Length)], CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public void Parses_long_random_digit_strings_bit_for_bit_as_double_parse_does()
    {
        var random = new Random(7);
        for (int i = 0; i < 20_000; i++)
        {
            string digits = string.Concat(Enumerable.Range(0, random.Next(1, 40)).Select(_ => (char)('0' + random.Next(10))));
            int point = random.Next(digits.Length + 1);
            string number = random.Next(4) == 0 ? digits : digits[..point] + "." + digits[point..];
            string text = (random.Next(2) == 0 ? "-" : "") + number;
            if (random.Next(3) == 0) text += "e" + random.Next(-30, 30);
            AssertSameAsDoubleParse(text);
        }
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-0")]
    [InlineData("+17")]
    [InlineData("123456789012345678")]
    [InlineData("9223372036854775807")]
    [InlineData("-9223372036854775808")]
    [InlineData("9223372036854775808")]
    [InlineData("-9223372036854775809")]
    [InlineData("00000000000000000000000042")]
    [InlineData(" 5")]
    [InlineData("5\t")]
    [InlineData("")]
    [InlineData("-")]
    [InlineData("5.0")]
    [InlineData("1e3")]
    [InlineData("0x10")]
    [InlineData("1,000")]
    [InlineData("--1")]
    public void Parses_a_long_exactly_as_long_parse_does(string text) => AssertSameAsLongParse(text);

    [Theory]
    [InlineData(200)]   // beyond the characters decoded on the stack
    [InlineData(128)]
    public void Parses_long_texts_from_UTF8_as_double_parse_does(int digits)
    {
        AssertSameAsDoubleParse("0." + new string('3', digits - 2));
        AssertSameAsDoubleParse(new string('9', digits) + "e-100");
        AssertSameAsDoubleParse("½" + new string('1', digits));
    }

    [Fact]
    public void Parses_random_longs_as_long_parse_does()
    {
        var random = new Random(3);
        for (int i = 0; i < 20_000; i++)
        {
            long value = random.Next(3) switch { 0 => random.NextInt64(long.MinValue, long.MaxValue), 1 => random.Next(-1000, 1000), _ => random.NextInt64() >> random.Next(64) };
            AssertSameAsLongParse(value.ToString(CultureInfo.InvariantCulture));
        }
    }

    private static void AssertSameAsDoubleParse(string text)
    {
        bool expectedOk = double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double expected);

        bool ok = NumberParser.TryParseDouble(text, out double value);

        Assert.True(expectedOk == ok, $"'{text}': double.TryParse says {expectedOk}, NumberParser says {ok}");
        Assert.True(BitConverter.DoubleToInt64Bits(expected) == BitConverter.DoubleToInt64Bits(value),
            $"'{text}': double.Parse gives {expected:R}, NumberParser gives {value:R}");
        AssertUtf8ShortDecimalAgrees(text);

        bool bytesOk = NumberParser.TryParseDouble(Encoding.UTF8.GetBytes(text), out double fromBytes);
        Assert.True(expectedOk == bytesOk, $"'{text}': double.TryParse says {expectedOk}, NumberParser on UTF-8 says {bytesOk}");
        Assert.True(BitConverter.DoubleToInt64Bits(expected) == BitConverter.DoubleToInt64Bits(fromBytes),
            $"'{text}': double.Parse gives {expected:R}, NumberParser on UTF-8 gives {fromBytes:R}");
    }

    /// <summary>The fast path for UTF-8 takes exactly the texts the one for characters takes, with the same bits.</summary>
    private static void AssertUtf8ShortDecimalAgrees(string text)
    {
        bool charsOk = NumberParser.TryParseShortDecimal(text.AsSpan(), out double fromChars);

        bool bytesOk = NumberParser.TryParseShortDecimal(Encoding.UTF8.GetBytes(text).AsSpan(), out double fromBytes);

        Assert.True(charsOk == bytesOk, $"'{text}': the path for characters says {charsOk}, the one for UTF-8 says {bytesOk}");
        Assert.Equal(BitConverter.DoubleToInt64Bits(fromChars), BitConverter.DoubleToInt64Bits(fromBytes));
    }

    private static void AssertSameAsLongParse(string text)
    {
        bool expectedOk = long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out long expected);

        bool ok = NumberParser.TryParseInt64(text, out long value);

        Assert.True(expectedOk == ok, $"'{text}': long.TryParse says {expectedOk}, NumberParser says {ok}");
        Assert.Equal(expected, value);
    }
}
