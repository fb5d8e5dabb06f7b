namespace MlopsBuild.Engine.Output;

/// <summary>Replaces the value of every secret parameter in any text that leaves the build.</summary>
public sealed class SecretMasker
{
    public const string Mask = "****";
    readonly List<string> secrets = [];

    public IReadOnlyList<string> Secrets
    {
        get { lock (secrets) return secrets.ToList(); }
    }

    /// <summary>Lines of a multi-line secret shorter than this are not masked on their own (too common to hide).</summary>
    public const int MinimumLineLength = 8;

    /// <summary>
    /// What to mask for a secret: the whole value and, when it spans lines (a PEM key), each of its lines, because
    /// logs are read line by line (the GitHub runner's masking too), so a printed multi-line value never matches whole.
    /// </summary>
    public static IEnumerable<string> PartsOf(string secret)
    {
        yield return secret;
        if (!secret.Contains('\n')) yield break;
        foreach (var line in secret.Split('\n').Select(line => line.TrimEnd('\r')).Distinct(StringComparer.Ordinal))
            if (line.Trim().Length >= MinimumLineLength) yield return line;
    }

    /// <summary>Masks the secret and, if it spans lines, each line of it (see <see cref="PartsOf"/>).</summary>
    public void Add(string secret)
    {
        foreach (var part in PartsOf(secret)) AddPart(part);
    }

    void AddPart(string secret)
    {
        if (string.IsNullOrEmpty(secret)) return;
        lock (secrets)
        {
            if (secrets.Contains(secret)) return;
            secrets.Add(secret);
            // Longest first, so a secret that contains another is masked whole.
            secrets.Sort((a, b) => b.Length.CompareTo(a.Length));
        }
    }

    public string Apply(string text)
    {
        lock (secrets)
        {
            foreach (var secret in secrets)
                if (text.Contains(secret, StringComparison.Ordinal))
                    text = text.Replace(secret, Mask, StringComparison.Ordinal);
        }
        return text;
    }
}
