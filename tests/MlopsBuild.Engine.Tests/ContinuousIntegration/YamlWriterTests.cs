using MlopsBuild.Engine.ContinuousIntegration.Yaml;

namespace MlopsBuild.Engine.Tests.ContinuousIntegration;

public sealed class YamlWriterTests
{
    [Theory]
    [InlineData("ubuntu-latest", "ubuntu-latest")]
    [InlineData("./build.sh Train --skip TestModel", "./build.sh Train --skip TestModel")]
    [InlineData("${{ github.event_name == 'pull_request' }}", "${{ github.event_name == 'pull_request' }}")]
    [InlineData("on", "\"on\"")]
    [InlineData("No", "\"No\"")]
    [InlineData("y", "\"y\"")]
    [InlineData("null", "\"null\"")]
    [InlineData("200", "\"200\"")]
    [InlineData(".5", "\".5\"")]
    [InlineData("1:20", "\"1:20\"")]
    [InlineData("2026-11-01", "\"2026-11-01\"")]
    [InlineData("~/.nuget/packages", "\"~/.nuget/packages\"")]
    [InlineData("**/packages.lock.json", "\"**/packages.lock.json\"")]
    [InlineData("a # not a comment", "\"a # not a comment\"")]
    [InlineData("- item", "\"- item\"")]
    [InlineData("trailing ", "\"trailing \"")]
    [InlineData("say \"hi\"", "say \"hi\"")]
    [InlineData("\"hi\" \\ bye", "\"\\\"hi\\\" \\\\ bye\"")]
    [InlineData("", "\"\"")]
    public void Text_is_plain_only_when_YAML_reads_it_back_as_the_same_text(string text, string written)
    {
        Assert.Equal($"key: {written}\n", YamlWriter.Write(new YamlMapping { { "key", text } }));
    }

    [Fact]
    public void Mappings_in_a_sequence_start_on_the_dash_and_text_of_several_lines_is_a_literal_block()
    {
        var document = new YamlMapping
        {
            { "on", new YamlMapping { { "push", YamlScalar.Empty } } },
            { "empty", new YamlMapping() },
            { "flag", YamlScalar.Boolean(false) },
            {
                "steps", new YamlSequence
                {
                    new YamlMapping { { "uses", "actions/checkout@v4" } },
                    new YamlMapping { { "name", "Hand over" }, { "with", new YamlMapping { { "path", "a\n.b\n" }, { "kept", "x\ny" } } } },
                    "last",
                }
            },
        };

        Assert.Equal("""
            "on":
              push:
            empty: {}
            flag: false
            steps:
              - uses: actions/checkout@v4
              - name: Hand over
                with:
                  path: |
                    a
                    .b
                  kept: |-
                    x
                    y
              - last

            """.Replace("\r\n", "\n"), YamlWriter.Write(document));
    }
}
