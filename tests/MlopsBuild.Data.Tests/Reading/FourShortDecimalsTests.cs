using System.Globalization;
using System.Runtime.Intrinsics;
using System.Text;
using System.Text.RegularExpressions;
using MlopsBuild.Data.Reading;

namespace MlopsBuild.Data.Tests.Reading;

public sealed class FourShortDecimalsTests
{
    // What a lane takes: 4 to 16 bytes, an optional leading sign, then digits with at most one point, below 2^52 without it.
    static readonly Regex ShortDecimal = new(@"^[+-]?(?=[0-9.]*$)[0-9]*\.?[0-9]*$", RegexOptions.CultureInvariant);

    static bool IsShortDecimal(string text) =>
        Encoding.UTF8.GetByteCount(text) is >= 4 and <= FourShortDecimals.LaneWidth && ShortDecimal.IsMatch(text)
        && ulong.Parse(text.TrimStart('+', '-').Replace(".", ""), CultureInfo.InvariantCulture) < 1UL << 52;

    [Theory]
    [InlineData("-41.735826", "6.124542", "+3.5000", "1234")]
    [InlineData("-0.000", "-1.2", "+.25", "120.")]
    [InlineData("4503599627370495", "-450359962737049", "4503599627370.49", "-999999999999999")]
    [InlineData(".000000000000001", "999999999999999.", "0000000000001.50", "-00.1")]
    [InlineData("123456789012345.", "1.23456789012345", "-1.2345678901234", "+123456789012345")]
    public void Reads_four_short_decimals_bit_for_bit_as_double_parse(string a, string b, string c, string d)
    {
        string[] texts = [a, b, c, d];

        var values = Parse(texts, out var parsed);

        Assert.Equal(FourShortDecimals.IsSupported, parsed);
        if (!parsed) return;
        for (var i = 0; i < 4; i++)
            Assert.Equal(BitConverter.DoubleToInt64Bits(double.Parse(texts[i], NumberStyles.Float, CultureInfo.InvariantCulture)), BitConverter.DoubleToInt64Bits(values[i]));
    }

    [Theory]
    [InlineData("123")]                // too short for a lane
    [InlineData("")]                   // missing
    [InlineData("-123456789012345.6")] // too long for a lane
    [InlineData("12345678901234567")]
    [InlineData("4503599627370496")]   // 2^52
    [InlineData("9999999999999999")]
    [InlineData("1.2.3")]
    [InlineData("-1-2")]
    [InlineData("1e10")]
    [InlineData("12:30")]              // the characters either side of the digits
    [InlineData("1/25")]
    [InlineData(" 1.5")]
    [InlineData("1.5 ")]
    [InlineData("--12")]
    [InlineData("+-12")]
    [InlineData("1é.25")]
    [InlineData("١٢٣٤")]
    [InlineData("NaN.")]
    public void Leaves_all_four_to_the_one_by_one_parse_when_any_is_not_a_short_decimal(string text)
    {
        for (var position = 0; position < 4; position++)
        {
            var texts = new[] { "1.25", "-3.125", "10.5", "7777" };
            texts[position] = text;

            Parse(texts, out var parsed);

            Assert.False(parsed, $"'{text}' at {position}");
        }
    }

    [Fact]
    public void Agrees_with_double_parse_on_random_texts_of_signs_digits_points_and_other_bytes()
    {
        var random = new Random(41);
        const string alphabet = "0123456789012345678901234567890123456789....--++e é:/";
        var accepted = 0;
        for (var group = 0; group < 20_000; group++)
        {
            var texts = new string[4];
            for (var i = 0; i < 4; i++)
            {
                // Mostly texts that could be short decimals, so that all four of a group often are.
                var text = new StringBuilder(random.Next(2) == 0 ? "" : random.Next(2) == 0 ? "-" : "+");
                var length = random.Next(3, 18);
                var point = random.Next(-4, length);
                for (var j = 0; j < length; j++) text.Append(j == point ? '.' : random.Next(8) == 0 ? alphabet[random.Next(alphabet.Length)] : (char)('0' + random.Next(10)));
                texts[i] = text.ToString();
            }

            var values = Parse(texts, out var parsed);

            Assert.Equal(FourShortDecimals.IsSupported && texts.All(IsShortDecimal), parsed);
            if (!parsed) continue;
            accepted++;
            for (var i = 0; i < 4; i++)
                Assert.Equal(BitConverter.DoubleToInt64Bits(double.Parse(texts[i], NumberStyles.Float, CultureInfo.InvariantCulture)), BitConverter.DoubleToInt64Bits(values[i]));
        }
        if (FourShortDecimals.IsSupported) Assert.InRange(accepted, 2_000, 18_000); // both outcomes were exercised
    }

    [Fact]
    public void Reads_nothing_past_the_text_so_a_field_near_its_end_is_left_to_the_one_by_one_parse()
    {
        var text = Encoding.ASCII.GetBytes("1.25,2.50,3.75,9.5,11");   // 21 bytes: only starts 0 to 5 have a lane's width after them

        var fits = FourShortDecimals.TryParse(text, Vector128.Create(0, 5, 0, 5), Vector128.Create(4, 4, 4, 4), out var values);
        var pastEnd = FourShortDecimals.TryParse(text, Vector128.Create(0, 5, 10, 0), Vector128.Create(4, 4, 4, 4), out _);
        var negative = FourShortDecimals.TryParse(text, Vector128.Create(0, 5, -1, 0), Vector128.Create(4, 4, 4, 4), out _);

        Assert.Equal(FourShortDecimals.IsSupported, fits);
        if (fits) Assert.Equal([1.25, 2.5, 1.25, 2.5], [values[0], values[1], values[2], values[3]]);
        Assert.False(pastEnd);
        Assert.False(negative);
    }

    /// <summary>The four texts one after another, each followed by a separator, with a lane's width of padding at the end.</summary>
    static double[] Parse(string[] texts, out bool parsed)
    {
        var bytes = new List<byte>();
        var starts = new int[4];
        var lengths = new int[4];
        for (var i = 0; i < 4; i++)
        {
            starts[i] = bytes.Count;
            bytes.AddRange(Encoding.UTF8.GetBytes(texts[i]));
            lengths[i] = bytes.Count - starts[i];
            bytes.Add((byte)',');
        }
        bytes.AddRange(Enumerable.Repeat((byte)'7', FourShortDecimals.LaneWidth));
        parsed = FourShortDecimals.TryParse([.. bytes], Vector128.Create(starts), Vector128.Create(lengths), out var values);
        return [values[0], values[1], values[2], values[3]];
    }
}
