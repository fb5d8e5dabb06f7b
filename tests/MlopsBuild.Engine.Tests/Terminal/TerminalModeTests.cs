using MlopsBuild.Engine.Terminal;

namespace MlopsBuild.Engine.Tests.Terminal;

public sealed class TerminalModeTests
{
    static TerminalMode Detect(bool outputIsTerminal, params (string Name, string Value)[] environment) =>
        TerminalMode.Detect(outputIsTerminal, name => environment.FirstOrDefault(v => v.Name == name).Value);

    [Fact]
    public void An_interactive_terminal_is_drawn_on_live_in_colour() =>
        Assert.Equal(new TerminalMode(Live: true, Colour: true), Detect(true, ("TERM", "xterm-256color")));

    [Fact]
    public void Redirected_output_is_plain() => Assert.Equal(TerminalMode.Plain, Detect(false, ("TERM", "xterm-256color")));

    [Theory]
    [InlineData("true")]
    [InlineData("1")]
    public void A_CI_server_is_plain_even_with_a_terminal(string ci) => Assert.Equal(TerminalMode.Plain, Detect(true, ("CI", ci)));

    [Fact]
    public void CI_set_to_false_is_not_a_CI_server() => Assert.True(Detect(true, ("CI", "false")).Live);

    [Fact]
    public void GitHub_Actions_is_plain() => Assert.Equal(TerminalMode.Plain, Detect(true, ("GITHUB_ACTIONS", "true")));

    [Fact]
    public void A_dumb_terminal_is_plain() => Assert.Equal(TerminalMode.Plain, Detect(true, ("TERM", "dumb")));

    [Fact]
    public void NO_COLOR_keeps_the_live_display_without_colour() =>
        Assert.Equal(new TerminalMode(Live: true, Colour: false), Detect(true, ("NO_COLOR", "1")));

    [Fact]
    public void An_empty_NO_COLOR_does_not_count() => Assert.True(Detect(true, ("NO_COLOR", "")).Colour);
}
