namespace MlopsBuild.Engine.Output;

/// <summary>
/// Every line the build prints goes through here: secrets are masked, lines from targets running in
/// parallel are prefixed with the target's name, and GitHub Actions gets its workflow commands.
/// </summary>
public sealed class BuildOutput(TextWriter writer, SecretMasker masker, bool onGitHubActions, Verbosity verbosity)
{
    readonly Lock gate = new();

    public SecretMasker Masker { get; } = masker;
    public bool OnGitHubActions { get; } = onGitHubActions;
    public Verbosity Verbosity { get; set; } = verbosity;

    /// <summary>Set while targets run in parallel, so interleaved lines stay attributable.</summary>
    public bool PrefixLines { get; set; }

    public void WriteLine(string line = "", string? target = null)
    {
        var text = Masker.Apply(line);
        if (PrefixLines && target is not null) text = $"[{target}] {text}";
        Raw(text);
    }

    public void Verbose(string line, string? target = null)
    {
        if (Verbosity == Verbosity.Verbose) WriteLine(line, target);
    }

    public void Information(string line, string? target = null)
    {
        if (Verbosity != Verbosity.Quiet) WriteLine(line, target);
    }

    /// <summary>Lines that must reach the runner unmasked and unprefixed (<c>::add-mask::</c> itself).</summary>
    internal void Raw(string line)
    {
        lock (gate)
        {
            writer.WriteLine(line);
            writer.Flush();
        }
    }

    public void GitHubCommand(string command)
    {
        if (OnGitHubActions) Raw(Masker.Apply(command));
    }
}
