using System.Text;
using Spectre.Console;

namespace MlopsBuild.Engine.Terminal;

/// <summary>The Spectre.Console console of a live run, drawing on the terminal the build was started in.</summary>
internal static class LiveConsole
{
    public static IAnsiConsole Create(TextWriter terminal, bool colour)
    {
        TerminalSize.Watch();
        return AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new TerminalOutput(terminal),
            Ansi = AnsiSupport.Yes,
            Interactive = InteractionSupport.Yes,
            ColorSystem = colour ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            // TerminalMode has decided already; Spectre's own CI detection must not second-guess it.
            Enrichment = new ProfileEnrichment { UseDefaultEnrichers = false },
        });
    }

    /// <summary>
    /// The terminal as Spectre sees it. Console.Out is the ConsoleRouter by now, so Spectre would not recognise the
    /// writer as the terminal and would assume 80 columns: the size comes from <see cref="TerminalSize"/>.
    /// </summary>
    sealed class TerminalOutput(TextWriter writer) : IAnsiConsoleOutput
    {
        public TextWriter Writer => writer;
        public bool IsTerminal => true;
        public int Width => TerminalSize.Columns;
        public int Height => TerminalSize.Rows;

        // The terminal's encoding is the process's; a build does not change it.
        public void SetEncoding(Encoding encoding)
        {
        }
    }
}
