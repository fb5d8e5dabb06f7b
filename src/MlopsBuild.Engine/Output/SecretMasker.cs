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

    public void Add(string secret)
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
