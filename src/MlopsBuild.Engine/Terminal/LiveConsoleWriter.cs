using System.Text;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace MlopsBuild.Engine.Terminal;

/// <summary>
/// The build's lines on a live terminal: written through the Spectre console, so that a live progress display is
/// redrawn below them instead of being overwritten. The text goes out as it is — never wrapped, never read as markup.
/// </summary>
internal sealed class LiveConsoleWriter(IAnsiConsole console) : TextWriter
{
    public override Encoding Encoding => console.Profile.Encoding;

    public override void Write(char value) => Write(value.ToString());

    public override void Write(string? value)
    {
        if (!string.IsNullOrEmpty(value)) console.Write(new RawText(value));
    }

    // One write per line: the live display redraws after each write.
    public override void WriteLine(string? value) => Write(value + "\n");

    sealed class RawText(string text) : IRenderable
    {
        public Measurement Measure(RenderOptions options, int maxWidth) => new(1, maxWidth);

        public IEnumerable<Segment> Render(RenderOptions options, int maxWidth)
        {
            var lines = text.Replace("\r\n", "\n").Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                if (i > 0) yield return Segment.LineBreak;
                if (lines[i].Length > 0) yield return new Segment(lines[i]);
            }
        }
    }
}
