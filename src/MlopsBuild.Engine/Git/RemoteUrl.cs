namespace MlopsBuild.Engine.Git;

/// <summary>Keeps remote URLs safe to record: CI checkouts often embed a token as "https://user:token@host".</summary>
internal static class RemoteUrl
{
    public static string? StripCredentials(string? url)
    {
        if (url is null)
            return null;
        var schemeEnd = url.IndexOf("://", StringComparison.Ordinal);
        // scp-like "git@host:path" and local paths carry no secret.
        if (schemeEnd < 0)
            return url;
        var authorityStart = schemeEnd + 3;
        var authorityEnd = url.IndexOfAny(['/', '?', '#'], authorityStart);
        var authority = authorityEnd < 0 ? url[authorityStart..] : url[authorityStart..authorityEnd];
        // The last '@' ends the user info: a password that was not percent-encoded may contain '@' itself.
        var at = authority.LastIndexOf('@');
        return at < 0 ? url : url.Remove(authorityStart, at + 1);
    }
}
