using System.Globalization;

namespace MlopsBuild.Router.Upstreams;

/// <summary>Where the router forwards: the upstream's base URL, its label (e.g. the model version) and since when.</summary>
sealed record UpstreamState(Uri Address, string? Label, DateTimeOffset Since)
{
    /// <summary>The address as the admin API and the state file write it (canonical, e.g. <c>http://127.0.0.1:9082/</c>).</summary>
    public string AddressText => Address.AbsoluteUri;

    /// <summary>UTC to the millisecond, e.g. <c>2026-01-31T12:00:00.000Z</c>.</summary>
    public string SinceText => Since.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
