using System.Text;

namespace MlopsBuild.Quality.ModelCards;

/// <summary>Horizontal bars as inline SVG, one labelled row per bar, the longest bar spanning the chart.</summary>
internal static class SvgHorizontalBars
{
    const int LabelWidth = 210;
    const int BarWidth = 330;
    const int NoteWidth = 170;
    const int RowHeight = 20;
    const int LabelCharacters = 30;

    /// <param name="bars">Label, length (any non-negative scale) and a note written after the bar.</param>
    public static string Render(IReadOnlyList<(string Label, double Length, string Note)> bars)
    {
        const int width = LabelWidth + BarWidth + NoteWidth;
        var height = bars.Count * RowHeight + 4;
        var longest = bars.Count == 0 ? 1 : Math.Max(double.Epsilon, bars.Max(b => b.Length));
        var svg = new StringBuilder();
        svg.Append($"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"bars\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" role=\"img\">");
        for (var i = 0; i < bars.Count; i++)
        {
            var (label, length, note) = bars[i];
            var top = i * RowHeight + 2;
            var barWidth = BarWidth * length / longest;
            svg.Append($"<text x=\"{LabelWidth - 8}\" y=\"{top + 14}\" text-anchor=\"end\">{HtmlText.Escape(Shorten(label))}<title>{HtmlText.Escape(label)}</title></text>");
            svg.Append($"<rect class=\"bar\" x=\"{LabelWidth}\" y=\"{top + 3}\" width=\"{CardText.Coordinate(Math.Max(1, barWidth))}\" height=\"{RowHeight - 6}\"/>");
            svg.Append($"<text x=\"{CardText.Coordinate(LabelWidth + barWidth + 6)}\" y=\"{top + 14}\">{HtmlText.Escape(note)}</text>");
        }
        return svg.Append("</svg>").ToString();
    }

    static string Shorten(string label) => label.Length > LabelCharacters ? label[..(LabelCharacters - 1)] + "…" : label;
}
