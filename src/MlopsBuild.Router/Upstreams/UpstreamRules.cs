namespace MlopsBuild.Router.Upstreams;

/// <summary>What an upstream address and its label must be, the same for the command line, the state file and PUT /upstream.</summary>
static class UpstreamRules
{
    public const int MaxLabelLength = 128;

    /// <summary>An absolute http(s) URL without query, fragment or user info, as its canonical <see cref="Uri"/>; null with the problem otherwise.</summary>
    public static Uri? ParseAddress(string text, out string problem)
    {
        problem = "";
        if (!Uri.TryCreate(text, UriKind.Absolute, out var address) || address.Scheme is not ("http" or "https"))
            problem = $"is '{text}': give an absolute http(s) URL, e.g. http://127.0.0.1:9082/.";
        else if (address.Query.Length > 0 || address.Fragment.Length > 0 || address.UserInfo.Length > 0)
            problem = $"is '{text}': give the upstream's base URL only, without query, fragment or user info.";
        return problem.Length == 0 ? address : null;
    }

    /// <summary>Why a label cannot be sent in a response header; null when it can.</summary>
    public static string? LabelProblem(string label) =>
        label.Length is 0 or > MaxLabelLength || label.Any(c => c is < '!' or > '~')
            ? $"is '{label}': give 1 to {MaxLabelLength} printable ASCII characters without spaces, e.g. v3."
            : null;
}
