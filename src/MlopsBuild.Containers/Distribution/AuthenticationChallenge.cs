using System.Text.RegularExpressions;

namespace MlopsBuild.Containers.Distribution;

/// <summary>
/// A registry's WWW-Authenticate challenge: its scheme (Basic or Bearer) and parameters, e.g.
/// <c>Bearer realm="https://ghcr.io/token",service="ghcr.io",scope="repository:team/model:pull,push"</c>.
/// Parsed from the raw header: a scope's commas sit inside quotes, which generic header parsing may split on.
/// </summary>
sealed partial record AuthenticationChallenge(string Scheme, IReadOnlyDictionary<string, string> Parameters)
{
    public string? this[string name] => Parameters.GetValueOrDefault(name);

    /// <summary>The response's first challenge; null when it has none.</summary>
    public static AuthenticationChallenge? Of(HttpResponseMessage response) =>
        response.Headers.NonValidated.TryGetValues("WWW-Authenticate", out var values) && values.FirstOrDefault() is { } header
            ? Parse(header)
            : null;

    public static AuthenticationChallenge? Parse(string header)
    {
        var trimmed = header.Trim();
        var space = trimmed.IndexOf(' ');
        var scheme = space < 0 ? trimmed : trimmed[..space];
        if (scheme.Length == 0) return null;
        var parameters = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (space >= 0)
            foreach (Match parameter in Parameter().Matches(trimmed[(space + 1)..]))
                parameters[parameter.Groups["name"].Value] =
                    parameter.Groups["quoted"].Success ? parameter.Groups["quoted"].Value : parameter.Groups["token"].Value.Trim();
        return new AuthenticationChallenge(scheme, parameters);
    }

    [GeneratedRegex("""(?<name>[A-Za-z0-9_-]+)\s*=\s*(?:"(?<quoted>[^"]*)"|(?<token>[^,]*))""", RegexOptions.CultureInvariant)]
    private static partial Regex Parameter();
}
