using System.Runtime.CompilerServices;
using MlopsBuild.Router.Forwarding;
using Yarp.ReverseProxy.Forwarder;

namespace MlopsBuild.Router.Upstreams;

/// <summary>
/// One switch's upstream: its state, the in-flight counter of its address (shared by every switch to that address),
/// and the transformer that labels its responses. A new instance per switch, so that "still current?" is an identity test.
/// </summary>
sealed class ActiveUpstream(UpstreamState state, StrongBox<long> inFlight)
{
    public UpstreamState State { get; } = state;
    public StrongBox<long> InFlight { get; } = inFlight;
    public HttpTransformer Transformer { get; } = state.Label is { } label ? new UpstreamLabelTransformer(label) : HttpTransformer.Default;
}
