using System.Text;
using MlopsBuild.Core.Text;

namespace MlopsBuild.Core.Tests.Text;

public sealed class Utf8ValidationTests
{
    [Theory]
    [InlineData(new byte[] { }, -1)]
    [InlineData(new byte[] { (byte)'a', 0xC3, 0xA9, (byte)'b' }, -1)]   // "aéb"
    [InlineData(new byte[] { (byte)'a', (byte)'b', 0xFF }, 2)]           // a byte UTF-8 never has
    [InlineData(new byte[] { (byte)'a', 0xE9, (byte)'b' }, 1)]           // "é" in Latin-1: a lead byte without its continuation
    [InlineData(new byte[] { 0xED, 0xA0, 0x80 }, 0)]                     // an encoded surrogate
    [InlineData(new byte[] { (byte)'x', 0xC0, 0xAF }, 1)]                // an overlong "/"
    [InlineData(new byte[] { (byte)'x', (byte)'y', 0xF0, 0x9F }, 2)]     // a sequence cut short at the end
    public void The_first_invalid_byte_is_found(byte[] bytes, int expected) =>
        Assert.Equal(expected, Utf8Validation.FirstInvalidByte(bytes));

    [Fact]
    public void Long_valid_text_has_none()
    {
        var text = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("naïve café 😀 ", 500)));

        Assert.Equal(-1, Utf8Validation.FirstInvalidByte(text));
        text[^5] = 0x80;
        Assert.Equal(text.Length - 5, Utf8Validation.FirstInvalidByte(text));
    }
}
