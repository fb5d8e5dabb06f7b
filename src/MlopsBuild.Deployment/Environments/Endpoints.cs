namespace MlopsBuild.Deployment.Environments;

/// <summary>Addresses compared as the router and the slots use them: by host and port, whatever the path or a trailing slash.</summary>
public static class Endpoints
{
    public static bool Same(Uri a, Uri b) =>
        Uri.Compare(a, b, UriComponents.HostAndPort, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0;
}
