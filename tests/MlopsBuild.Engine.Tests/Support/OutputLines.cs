using System.Text.RegularExpressions;

namespace MlopsBuild.Engine.Tests.Support;

public static partial class OutputLines
{
    /// <summary>The targets whose code printed "ran NAME", in the order they printed it.</summary>
    public static IReadOnlyList<string> Ran(this BuildResult result) =>
        RanLine().Matches(result.Output).Select(m => m.Groups[1].Value).ToList();

    [GeneratedRegex(@"^(?:\[\w+\] )?ran (\w+)\r?$", RegexOptions.Multiline)]
    private static partial Regex RanLine();
}
