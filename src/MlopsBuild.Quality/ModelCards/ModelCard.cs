using MlopsBuild.Core.IO;

namespace MlopsBuild.Quality.ModelCards;

/// <summary>
/// A candidate's model card: who it is and where it came from, its test metrics against the champion, every gate check,
/// its curves or errors, what it relies on, and its metrics per slice. The same input always gives the same bytes.
/// </summary>
public static class ModelCard
{
    public const string MarkdownFile = "model-card.md";
    public const string HtmlFile = "model-card.html";

    /// <summary>Writes <see cref="MarkdownFile"/> and <see cref="HtmlFile"/> into <paramref name="directory"/> (created if needed), each atomically.</summary>
    /// <exception cref="ArgumentException">The input's outputs, labels and evaluation do not describe the same test rows.</exception>
    public static void Write(ModelCardInput input, string directory)
    {
        var markdown = Markdown(input);
        var html = Html(input);
        AtomicFile.WriteAllText(Path.Combine(directory, MarkdownFile), markdown);
        AtomicFile.WriteAllText(Path.Combine(directory, HtmlFile), html);
    }

    /// <summary>The card as Markdown tables, without charts (fit for $GITHUB_STEP_SUMMARY).</summary>
    /// <exception cref="ArgumentException">The input's outputs, labels and evaluation do not describe the same test rows.</exception>
    public static string Markdown(ModelCardInput input)
    {
        ModelCardInputCheck.Require(input);
        return MarkdownModelCard.Render(input);
    }

    /// <summary>
    /// The part of the card a build's summary shows, as Markdown without a heading: the verdict on the gates, the test
    /// metrics against the champion and every gate check.
    /// </summary>
    /// <exception cref="ArgumentException">The input's outputs, labels and evaluation do not describe the same test rows.</exception>
    public static string SummaryMarkdown(ModelCardInput input)
    {
        ModelCardInputCheck.Require(input);
        return MarkdownModelCard.RenderSummary(input);
    }

    /// <summary>The card as one self-contained, XHTML-compatible page with inline SVG charts.</summary>
    /// <exception cref="ArgumentException">The input's outputs, labels and evaluation do not describe the same test rows.</exception>
    public static string Html(ModelCardInput input)
    {
        ModelCardInputCheck.Require(input);
        return HtmlModelCard.Render(input);
    }
}
