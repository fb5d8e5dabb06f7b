using System.Globalization;
using System.Net;
using System.Text;

namespace MlopsBuild.Data.Reports;

/// <summary>A bar chart as inline SVG (no scripts, no external assets), each bar with a tooltip.</summary>
public static class SvgBars
{
    const int Width = 320;
    const int Height = 90;

    public static string Render(IReadOnlyList<(string Label, long Count)> bars, string colour)
    {
        var svg = new StringBuilder();
        svg.Append($"<svg class=\"chart\" viewBox=\"0 0 {Width} {Height + 14}\" width=\"{Width}\" height=\"{Height + 14}\" role=\"img\">");
        if (bars.Count > 0)
        {
            var most = Math.Max(1, bars.Max(b => b.Count));
            var step = (double)Width / bars.Count;
            for (var i = 0; i < bars.Count; i++)
            {
                var height = Height * bars[i].Count / (double)most;
                svg.Append(CultureInfo.InvariantCulture,
                    $"<rect x=\"{i * step + 1:0.##}\" y=\"{Height - height:0.##}\" width=\"{Math.Max(1, step - 2):0.##}\" height=\"{height:0.##}\" fill=\"{colour}\">");
                svg.Append($"<title>{WebUtility.HtmlEncode(bars[i].Label)}: {ReportText.Count(bars[i].Count)}</title></rect>");
            }
            svg.Append($"<text x=\"0\" y=\"{Height + 12}\">{WebUtility.HtmlEncode(Shorten(bars[0].Label))}</text>");
            svg.Append($"<text x=\"{Width}\" y=\"{Height + 12}\" text-anchor=\"end\">{WebUtility.HtmlEncode(Shorten(bars[^1].Label))}</text>");
        }
        return svg.Append("</svg>").ToString();
    }

    static string Shorten(string label) => label.Length > 24 ? label[..23] + "…" : label;
}
