using System.Text;
using System.Runtime.Intrinsics;
using MlopsBuild.Data.Reading;

namespace MlopsBuild.Data.Tests.Reading;

public sealed class ShortDecimalDigitsTests
{
    [Theory]
    [InlineData("1234", 1234UL, 0)]
    [InlineData("0012", 12UL, 0)]
    [InlineData("123.4567", 1234567UL, 4)]
    [InlineData("1234.", 1234UL, 0)]
    [InlineData(".1234", 1234UL, 4)]
    [InlineData("0.000", 0UL, 3)]
    [InlineData("9999999999999999", 9999999999999999UL, 0)]
    [InlineData("9.99999999999999", 999999999999999UL, 14)]
    [InlineData("123456789012345.", 123456789012345UL, 0)]
    public void Reads_the_digits_and_counts_those_after_the_point(string text, ulong digits, int fractionDigits)
    {
        Assert.True(ShortDecimalDigits.TryRead(text, out ulong actualDigits, out int actualFractionDigits));
        Assert.True(ShortDecimalDigits.TryRead(Encoding.UTF8.GetBytes(text), out ulong utf8Digits, out int utf8FractionDigits));

        Assert.Equal((digits, fractionDigits), (actualDigits, actualFractionDigits));
        Assert.Equal((digits, fractionDigits), (utf8Digits, utf8FractionDigits));
    }

    [Theory]
    [InlineData("123")]
    [InlineData("12345678901234567")]
    [InlineData("1.2.3")]
    [InlineData("1e10")]
    [InlineData("-123")]
    [InlineData("12 4")]
    [InlineData("١٢٣٤")]
    [InlineData("12\u01304")]
    [InlineData("1234567\u01309")]
    [InlineData("12\u00B34")]
    public void Leaves_everything_else_to_the_general_parser(string text)
    {
        Assert.False(ShortDecimalDigits.TryRead(text, out _, out _));
        Assert.False(ShortDecimalDigits.TryRead(Encoding.UTF8.GetBytes(text), out _, out _));
    }

    [Fact]
    public void Agrees_with_a_digit_by_digit_reading_for_every_length_and_point_position()
    {
        var random = new Random(11);
        for (int length = ShortDecimalDigits.MinLength; length <= ShortDecimalDigits.MaxLength; length++)
        {
            for (int point = -1; point < length; point++)
            {
                var text = new char[length];
                for (int i = 0; i < length; i++) text[i] = i == point ? '.' : (char)('0' + random.Next(10));
                string digitsOnly = new string(text).Replace(".", "");

                Assert.True(ShortDecimalDigits.TryRead(text, out ulong digits, out int fractionDigits));
                Assert.True(ShortDecimalDigits.TryRead(Encoding.UTF8.GetBytes(text), out ulong utf8Digits, out int utf8FractionDigits));

                Assert.Equal(ulong.Parse(digitsOnly), digits);
                Assert.Equal(point < 0 ? 0 : length - point - 1, fractionDigits);
                Assert.Equal((digits, fractionDigits), (utf8Digits, utf8FractionDigits));
            }
        }
    }

    [Fact]
    public void Combines_sixteen_digits_alike_with_and_without_x86_instructions()
    {
        var random = new Random(12);
        var lanes = new byte[16];
        for (int i = 0; i < 1000; i++)
        {
            for (int lane = 0; lane < 16; lane++) lanes[lane] = (byte)random.Next(10);
            var digits = Vector128.Create(lanes);

            Assert.Equal(ulong.Parse(string.Concat(lanes)), ShortDecimalDigits.SixteenDigitsPortable(digits));
            Assert.Equal(ShortDecimalDigits.SixteenDigitsPortable(digits), ShortDecimalDigits.SixteenDigits(digits));
        }
    }
}
