using System.Net;
using System.Text.RegularExpressions;

namespace MlopsBuild.Containers.Distribution;

/// <summary>
/// A repository in an OCI registry, <c>host[:port]/path</c>: <c>127.0.0.1:5000/loans-model/lab</c> →
/// (<c>127.0.0.1:5000</c>, <c>loans-model/lab</c>). The host is always explicit (a '.' or a ':port', or localhost),
/// so a name never silently means Docker Hub; the path follows the distribution spec's name grammar.
/// </summary>
public sealed partial record RegistryRepository
{
    /// <summary>What docker and most registries accept for host, '/' and path together.</summary>
    const int MaximumLength = 255;

    const string ExpectedForm = "expected <registry host>[:port]/<path>, e.g. 127.0.0.1:5000/loans-model/lab or ghcr.io/team/loans-model";

    public RegistryRepository(string host, string path)
    {
        if (ProblemWith(host, path) is { } problem)
            throw new ArgumentException($"'{host}/{path}' is not a registry repository ({problem}): {ExpectedForm}.");
        Host = host;
        Path = path;
    }

    /// <summary>The registry's host and optional port, e.g. <c>127.0.0.1:5000</c> or <c>ghcr.io</c>.</summary>
    public string Host { get; }

    /// <summary>The repository's name inside the registry, e.g. <c>loans-model/lab</c>.</summary>
    public string Path { get; }

    /// <summary>Where the registry's API answers: plain HTTP for a loopback host (a local registry), HTTPS otherwise.</summary>
    public Uri BaseAddress => BaseAddressOf(Host);

    public static RegistryRepository Parse(string repository)
    {
        if (ProblemWith(repository) is { } problem)
            throw new ArgumentException($"'{repository}' is not a registry repository ({problem}): {ExpectedForm}.");
        var slash = repository.IndexOf('/');
        return new RegistryRepository(repository[..slash], repository[(slash + 1)..]);
    }

    public override string ToString() => $"{Host}/{Path}";

    /// <summary>Why <paramref name="repository"/> (host/path) is not a repository name; null when it is one.</summary>
    internal static string? ProblemWith(string repository)
    {
        var slash = repository.IndexOf('/');
        return slash < 0
            ? "it has no registry host: it must start with one, e.g. 127.0.0.1:5000/"
            : ProblemWith(repository[..slash], repository[(slash + 1)..]);
    }

    internal static string? ProblemWith(string host, string path)
    {
        if (HostProblem(host) is { } hostProblem) return hostProblem;
        if (path.Length == 0) return "the path after the host is empty";
        if (path.Split('/').FirstOrDefault(component => !PathComponent().IsMatch(component)) is { } bad)
            return $"the path component '{bad}' is not lowercase letters and digits, joined by '.', '_', '__' or '-'";
        var length = host.Length + 1 + path.Length;
        return length > MaximumLength ? $"it is {length} characters long, more than {MaximumLength}" : null;
    }

    internal static string? HostProblem(string host)
    {
        if (host.Length == 0) return "the registry host is empty";
        if (!HostName().IsMatch(host)) return $"'{host}' is not a host name with an optional :port";
        // Without a '.', a ':port' or localhost, docker reads the first component as a Docker Hub namespace.
        return host.Contains('.') || host.Contains(':') || host == "localhost"
            ? null
            : $"'{host}' is not a registry host: a host has a '.' or a ':port', or is localhost";
    }

    internal static Uri BaseAddressOf(string host) => new($"{(IsLoopback(host) ? "http" : "https")}://{host}/");

    static bool IsLoopback(string host)
    {
        var name = host.StartsWith('[') ? host[..(host.IndexOf(']') + 1)] : host.Split(':')[0];
        return name == "localhost" || (IPAddress.TryParse(name.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
    }

    [GeneratedRegex("^[a-z0-9]+((\\.|_|__|-+)[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex PathComponent();

    /// <summary>A DNS name, an IPv4 address or a bracketed IPv6 address, then an optional port.</summary>
    [GeneratedRegex("^(\\[[0-9A-Fa-f:.]+\\]|[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*)(:[0-9]{1,5})?$",
        RegexOptions.CultureInvariant)]
    private static partial Regex HostName();
}
