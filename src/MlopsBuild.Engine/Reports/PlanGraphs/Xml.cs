namespace MlopsBuild.Engine.Reports.PlanGraphs;

/// <summary>Text made safe for XML content and attribute values (the page is XHTML-compatible).</summary>
internal static class Xml
{
    public static string Escape(string text) =>
        text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;").Replace("\"", "&quot;");
}
