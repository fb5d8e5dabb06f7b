using MlopsBuild.Engine.Output;

namespace MlopsBuild.Engine.Reports;

/// <summary>
/// The file GitHub Actions names in <c>$GITHUB_OUTPUT</c>: one <c>name=value</c> line per output, or for a value of
/// several lines the heredoc form <c>name&lt;&lt;DELIMITER</c>, the lines, <c>DELIMITER</c>. Values are masked.
/// </summary>
internal sealed class GitHubOutputFile(string path, SecretMasker masker)
{
    public static GitHubOutputFile? For(BuildHost host, SecretMasker masker) =>
        host.OnGitHubActions && host.Environment("GITHUB_OUTPUT") is { Length: > 0 } path ? new GitHubOutputFile(path, masker) : null;

    public void Append(string name, string value) => File.AppendAllText(path, Format(name, masker.Apply(value)));

    static string Format(string name, string value)
    {
        if (!value.Contains('\n') && !value.Contains('\r')) return $"{name}={value}\n";
        // A random delimiter, as the runner's own toolkit uses, cannot occur in the value by accident.
        var delimiter = $"ghadelimiter_{Guid.NewGuid():N}";
        return $"{name}<<{delimiter}\n{value.Replace("\r\n", "\n")}\n{delimiter}\n";
    }
}
