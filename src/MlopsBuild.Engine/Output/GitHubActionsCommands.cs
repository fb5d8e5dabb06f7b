namespace MlopsBuild.Engine.Output;

/// <summary>Workflow commands understood by GitHub Actions when printed on their own line.</summary>
internal static class GitHubActionsCommands
{
    public static string AddMask(string secret) => $"::add-mask::{EscapeData(secret)}";
    public static string Group(string title) => $"::group::{EscapeData(title)}";
    public const string EndGroup = "::endgroup::";
    public static string Error(string title, string message) => $"::error title={EscapeProperty(title)}::{EscapeData(message)}";
    public static string Warning(string message) => $"::warning::{EscapeData(message)}";

    // Escaping as the runner's own toolkit does it: data escapes %, CR, LF; properties also ':' and ','.
    static string EscapeData(string text) => text.Replace("%", "%25").Replace("\r", "%0D").Replace("\n", "%0A");
    static string EscapeProperty(string text) => EscapeData(text).Replace(":", "%3A").Replace(",", "%2C");
}
