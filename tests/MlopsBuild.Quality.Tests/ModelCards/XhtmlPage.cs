using System.Xml;
using System.Xml.Linq;

namespace MlopsBuild.Quality.Tests.ModelCards;

/// <summary>A card page read as XML (which fails on anything not well-formed), with XHTML and SVG element lookups.</summary>
internal sealed class XhtmlPage
{
    static readonly XNamespace Xhtml = "http://www.w3.org/1999/xhtml";
    static readonly XNamespace SvgNamespace = "http://www.w3.org/2000/svg";

    public XhtmlPage(string html)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Parse, XmlResolver = null };
        using var reader = XmlReader.Create(new StringReader(html), settings);
        Document = XDocument.Load(reader);
    }

    public XDocument Document { get; }

    public IEnumerable<XElement> Html(string name) => Document.Descendants(Xhtml + name);

    public IEnumerable<XElement> Svg(string name) => Document.Descendants(SvgNamespace + name);

    /// <summary>The section's heading followed by everything up to the next h2.</summary>
    public IEnumerable<XElement> Section(string heading) =>
        Html("h2").Single(h => h.Value == heading).ElementsAfterSelf().TakeWhile(e => e.Name != Xhtml + "h2");

    /// <summary>Each row of the table as its cells' text, a cell's separate text pieces (lines) joined by a space.</summary>
    public static List<string[]> Rows(XElement table) =>
        table.Elements(Xhtml + "tr")
            .Select(tr => tr.Elements().Select(cell => string.Join(" ", cell.DescendantNodes().OfType<XText>().Select(t => t.Value))).ToArray())
            .ToList();
}
