namespace MlopsBuild.Engine.Definition;

/// <summary>Turns captured source text (<c>() =&gt; Git.Branch == "main"</c>) into what a reader wants to see.</summary>
internal static class CodeText
{
    public static string StripLambda(string text)
    {
        var trimmed = text.Trim();
        var arrow = trimmed.IndexOf("=>", StringComparison.Ordinal);
        return arrow > 0 && trimmed[..arrow].Trim() is "()" or "_"
            ? trimmed[(arrow + 2)..].Trim()
            : trimmed;
    }

    /// <summary>The member a requirement names, when it is just one (<c>RegistryPassword</c>); otherwise null.</summary>
    public static string? SingleIdentifier(string text) =>
        text.Length > 0 && (char.IsLetter(text[0]) || text[0] == '_') && text.All(c => char.IsLetterOrDigit(c) || c == '_')
            ? text
            : null;
}
