using MlopsBuild.Engine.Reports;

namespace MlopsBuild.Engine.Tests.Reports;

public sealed class MarkdownHeadingsTests
{
    [Fact]
    public void Headings_move_under_the_parent_keeping_their_relative_depth()
    {
        Assert.Equal("#### Data\n\ntext\n\n##### Anomalies\n", MarkdownHeadings.NestUnder(3, "# Data\n\ntext\n\n## Anomalies\n"));
    }

    [Fact]
    public void Headings_already_below_the_parent_are_left_alone_and_none_goes_deeper_than_six()
    {
        Assert.Equal("#### Deep\n", MarkdownHeadings.NestUnder(3, "#### Deep\n"));
        Assert.Equal("#### A\n###### B\n###### C\n", MarkdownHeadings.NestUnder(3, "# A\n#### B\n###### C\n"));
    }

    [Fact]
    public void Fenced_code_hashtags_and_text_without_headings_are_not_headings()
    {
        const string markdown = "```bash\n# a comment\n```\n#hashtag\n~~~\n## also code\n~~~\n";
        Assert.Equal(markdown, MarkdownHeadings.NestUnder(3, markdown));
    }
}
