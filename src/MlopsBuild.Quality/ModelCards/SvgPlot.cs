using System.Text;
using MlopsBuild.Data.Reports;

namespace MlopsBuild.Quality.ModelCards;

/// <summary>
/// An x-y chart as inline SVG: a framed plot area with five ticks per axis, axis names and a title, onto which lines and
/// dots are drawn in data coordinates. Styling comes from the page's CSS classes.
/// </summary>
internal sealed class SvgPlot
{
    const int Width = 380;
    const int Height = 340;
    const int Left = 56;
    const int Right = 14;
    const int Top = 30;
    const int Bottom = 44;
    const int Ticks = 5;
    const double InnerWidth = Width - Left - Right;
    const double InnerHeight = Height - Top - Bottom;

    readonly StringBuilder svg = new();
    readonly double xMin, xMax, yMin, yMax;

    public SvgPlot(string title, string xName, string yName, (double Min, double Max) x, (double Min, double Max) y)
    {
        (xMin, xMax) = Widened(x);
        (yMin, yMax) = Widened(y);
        svg.Append($"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"plot\" viewBox=\"0 0 {Width} {Height}\" width=\"{Width}\" height=\"{Height}\" role=\"img\" aria-label=\"{HtmlText.Escape(title)}\">");
        svg.Append($"<text class=\"title\" x=\"{Width / 2}\" y=\"18\" text-anchor=\"middle\">{HtmlText.Escape(title)}</text>");
        for (var i = 0; i < Ticks; i++)
        {
            var share = (double)i / (Ticks - 1);
            var px = C(Left + share * InnerWidth);
            var py = C(Top + (1 - share) * InnerHeight);
            svg.Append($"<line class=\"grid\" x1=\"{px}\" y1=\"{Top}\" x2=\"{px}\" y2=\"{C(Top + InnerHeight)}\"/>");
            svg.Append($"<line class=\"grid\" x1=\"{Left}\" y1=\"{py}\" x2=\"{C(Left + InnerWidth)}\" y2=\"{py}\"/>");
            svg.Append($"<text x=\"{px}\" y=\"{C(Top + InnerHeight + 14)}\" text-anchor=\"middle\">{ReportText.Number(xMin + share * (xMax - xMin))}</text>");
            svg.Append($"<text x=\"{Left - 5}\" y=\"{C(Top + (1 - share) * InnerHeight + 4)}\" text-anchor=\"end\">{ReportText.Number(yMin + share * (yMax - yMin))}</text>");
        }
        svg.Append($"<rect class=\"axis\" x=\"{Left}\" y=\"{Top}\" width=\"{C(InnerWidth)}\" height=\"{C(InnerHeight)}\"/>");
        svg.Append($"<text x=\"{C(Left + InnerWidth / 2)}\" y=\"{Height - 8}\" text-anchor=\"middle\">{HtmlText.Escape(xName)}</text>");
        svg.Append($"<text transform=\"rotate(-90)\" x=\"{C(-(Top + InnerHeight / 2))}\" y=\"14\" text-anchor=\"middle\">{HtmlText.Escape(yName)}</text>");
    }

    /// <summary>A polyline through the points, in order.</summary>
    public SvgPlot Line(IEnumerable<CurvePoint> points, string cssClass)
    {
        svg.Append($"<polyline class=\"{cssClass}\" points=\"");
        svg.AppendJoin(' ', points.Select(p => $"{C(X(p.X))},{C(Y(p.Y))}"));
        svg.Append("\"/>");
        return this;
    }

    public SvgPlot Dots(IEnumerable<CurvePoint> points, string cssClass)
    {
        foreach (var p in points) svg.Append($"<circle class=\"{cssClass}\" cx=\"{C(X(p.X))}\" cy=\"{C(Y(p.Y))}\" r=\"1.8\"/>");
        return this;
    }

    /// <summary>One highlighted point with a tooltip, e.g. the operating point at the decision threshold.</summary>
    public SvgPlot Marker(CurvePoint point, string tooltip)
    {
        svg.Append($"<circle class=\"marker\" cx=\"{C(X(point.X))}\" cy=\"{C(Y(point.Y))}\" r=\"4.5\"><title>{HtmlText.Escape(tooltip)}</title></circle>");
        return this;
    }

    public string ToSvg() => svg + "</svg>";

    double X(double x) => Left + (x - xMin) / (xMax - xMin) * InnerWidth;

    double Y(double y) => Top + (1 - (y - yMin) / (yMax - yMin)) * InnerHeight;

    static string C(double coordinate) => CardText.Coordinate(coordinate);

    /// <summary>A range of one value (every prediction equal) still needs a width to divide by.</summary>
    static (double, double) Widened((double Min, double Max) range) =>
        range.Max > range.Min ? range : (range.Min - 0.5, range.Max + 0.5);
}
