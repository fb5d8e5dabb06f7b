using System.Globalization;
using System.Text.RegularExpressions;

namespace MlopsBuild.Deployment.Approvals;

/// <summary>
/// Where a statement came from when its approver did not sign it: a required reviewer's decision on a GitHub Actions
/// run's deployment to an environment, signed by the attestation key only jobs in that environment hold.
/// Written, and signed, as <c>github-environment factory, run 123 attempt 1, reviewer alice-gh</c>.
/// </summary>
public sealed partial record GitHubReviewOrigin(string Environment, long RunId, int RunAttempt, string Reviewer)
{
    public string Text => string.Create(CultureInfo.InvariantCulture,
        $"github-environment {Environment}, run {RunId} attempt {RunAttempt}, reviewer {Reviewer}");

    public override string ToString() => Text;

    /// <returns>The origin, or null when <paramref name="text"/> is not exactly what <see cref="Text"/> writes.</returns>
    public static GitHubReviewOrigin? Parse(string text)
    {
        var match = TextPattern().Match(text);
        if (!match.Success
            || !long.TryParse(match.Groups["run"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var run)
            || !int.TryParse(match.Groups["attempt"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var attempt))
            return null;
        var origin = new GitHubReviewOrigin(match.Groups["environment"].Value, run, attempt, match.Groups["reviewer"].Value);
        // Only the one spelling (no leading zeros): the canonical form rebuilt from it must be the bytes that were signed.
        return origin.Text == text ? origin : null;
    }

    // The environment is matched greedily: the fixed tail after it (no commas in a login) is what ends it.
    [GeneratedRegex(@"^github-environment (?<environment>.+), run (?<run>[0-9]+) attempt (?<attempt>[0-9]+), reviewer (?<reviewer>[^\s,]+)$", RegexOptions.Singleline)]
    private static partial Regex TextPattern();
}
