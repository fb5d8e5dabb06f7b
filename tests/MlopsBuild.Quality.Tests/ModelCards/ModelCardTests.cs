using MlopsBuild.Quality.ModelCards;
using MlopsBuild.Testing;

namespace MlopsBuild.Quality.Tests.ModelCards;

public sealed class ModelCardTests
{
    [Fact]
    public void Write_puts_both_cards_in_the_directory_and_leaves_no_temporary_files()
    {
        using var directory = new TemporaryDirectory();
        var target = directory.File("artifacts/model");

        ModelCard.Write(CardInputs.Binary(), target);
        var firstHtml = File.ReadAllBytes(Path.Combine(target, ModelCard.HtmlFile));
        ModelCard.Write(CardInputs.Binary(), target);

        Assert.Equal([ModelCard.HtmlFile, ModelCard.MarkdownFile], Directory.GetFiles(target).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(firstHtml, File.ReadAllBytes(Path.Combine(target, ModelCard.HtmlFile)));
        Assert.Equal(ModelCard.Markdown(CardInputs.Binary()), File.ReadAllText(Path.Combine(target, ModelCard.MarkdownFile)));
    }

    [Fact]
    public void Outputs_that_do_not_match_the_labels_are_refused_with_what_to_pass()
    {
        var card = CardInputs.Binary();
        var oneProbabilityPerRow = card with { TestOutputs = card.TestOutputs[..8] };

        var error = Assert.Throws<ArgumentException>(() => ModelCard.Html(oneProbabilityPerRow));

        Assert.StartsWith("The model card for loans v7 got 8 test outputs for 8 labels: a binary classification model gives 2 per row; pass what BatchScorer.Predict returned", error.Message);
    }

    [Fact]
    public void An_evaluation_of_other_rows_or_another_task_is_refused()
    {
        var card = CardInputs.Binary();

        var otherRows = Assert.Throws<ArgumentException>(() => ModelCard.Markdown(card with { Test = card.Test with { Rows = 9 } }));
        var otherTask = Assert.Throws<ArgumentException>(() => ModelCard.Markdown(card with { Test = CardInputs.Regression(8).Test }));

        Assert.Contains("an evaluation of 9 rows and 8 test labels", otherRows.Message);
        Assert.Contains("got regression metrics for a binary classification model", otherTask.Message);
    }
}
