using System.Text.Json;
using MlopsBuild.Router.Upstreams;

namespace MlopsBuild.Router.Admin;

/// <summary>
/// What <c>GET|PUT /upstream</c> answer: <c>{"upstream":…|null,"label":…|null,"since":…|null,"inFlight":{"&lt;address&gt;":n,…}}</c>;
/// inFlight has every address with requests in flight, and the current one even with none.
/// </summary>
static class StatusJson
{
    public static void Write(Utf8JsonWriter writer, UpstreamSwitch upstreams)
    {
        var current = upstreams.Current;
        writer.WriteStartObject();
        writer.WriteString("upstream", current?.AddressText);
        writer.WriteString("label", current?.Label);
        writer.WriteString("since", current?.SinceText);
        writer.WriteStartObject("inFlight");
        foreach (var (address, count) in upstreams.InFlight()) writer.WriteNumber(address, count);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }
}
