using System.Text;

namespace MlopsBuild.Quality.ModelCards;

/// <summary>Text made safe for the card's XHTML-compatible page, in element content and in quoted attributes alike.</summary>
internal static class HtmlText
{
    /// <summary>
    /// Escapes &amp; &lt; &gt; " and ' and replaces characters XML forbids (control characters, lone surrogates) with
    /// U+FFFD, so a column or category name can neither break the page nor make it unparseable as XML.
    /// </summary>
    public static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length + 16);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '&': escaped.Append("&amp;"); break;
                case '<': escaped.Append("&lt;"); break;
                case '>': escaped.Append("&gt;"); break;
                case '"': escaped.Append("&quot;"); break;
                case '\'': escaped.Append("&#39;"); break;
                default:
                    if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                        escaped.Append(c).Append(text[++i]);
                    else if (char.IsSurrogate(c) || (c < ' ' && c is not '\t' and not '\n' and not '\r') || c is '\uFFFE' or '\uFFFF')
                        escaped.Append('\uFFFD');
                    else
                        escaped.Append(c);
                    break;
            }
        }
        return escaped.ToString();
    }
}
