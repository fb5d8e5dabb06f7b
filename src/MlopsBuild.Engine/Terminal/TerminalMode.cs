namespace MlopsBuild.Engine.Terminal;

/// <summary>
/// How a run draws on its console: live (progress bars redrawn in place, tables with borders) only on an interactive
/// terminal; plain lines wherever the output is read later — a file, a pipe, a CI log.
/// </summary>
internal readonly record struct TerminalMode(bool Live, bool Colour)
{
    public static readonly TerminalMode Plain = new(Live: false, Colour: false);

    public static TerminalMode Detect(bool outputIsTerminal, Func<string, string?> environment)
    {
        if (!outputIsTerminal) return Plain;
        if (environment("CI") is { Length: > 0 } ci && ci is not ("false" or "False" or "0")) return Plain;
        if (environment("GITHUB_ACTIONS") == "true") return Plain;
        if (environment("TERM") == "dumb") return Plain;
        // https://no-color.org: set and not empty means no colour, whatever its value.
        return new TerminalMode(Live: true, Colour: environment("NO_COLOR") is not { Length: > 0 });
    }
}
