using System.Text;
using MlopsBuild.Data.Validation;

namespace MlopsBuild.Data.Tests.Validation;

public sealed class BooleanTextTests
{
    [Theory]
    [InlineData("1", true)]
    [InlineData("t", true)]
    [InlineData("Y", true)]
    [InlineData("yes", true)]
    [InlineData("YeS", true)]
    [InlineData("true", true)]
    [InlineData("TRUE", true)]
    [InlineData("0", false)]
    [InlineData("F", false)]
    [InlineData("n", false)]
    [InlineData("No", false)]
    [InlineData("false", false)]
    [InlineData("fALSE", false)]
    public void Every_spelling_reads_the_same_from_text_and_from_UTF8(string spelling, bool expected)
    {
        Assert.True(BooleanText.TryParse(spelling, out var fromText));
        Assert.True(BooleanText.TryParse(Encoding.UTF8.GetBytes(spelling), out var fromUtf8));
        Assert.Equal(expected, fromText);
        Assert.Equal(expected, fromUtf8);
    }

    [Theory]
    [InlineData("")]
    [InlineData("2")]
    [InlineData("x")]
    [InlineData("on")]
    [InlineData("tru")]
    [InlineData("maybe")]
    [InlineData("falsey")]
    [InlineData(" true")]
    [InlineData("yeſ")]   // a long s (U+017F): not ASCII, so not a spelling of yes
    public void Anything_else_is_no_boolean_from_text_nor_from_UTF8(string text)
    {
        Assert.False(BooleanText.TryParse(text, out _));
        Assert.False(BooleanText.TryParse(Encoding.UTF8.GetBytes(text), out _));
    }
}
