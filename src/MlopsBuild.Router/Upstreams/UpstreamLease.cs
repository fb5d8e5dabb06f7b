namespace MlopsBuild.Router.Upstreams;

/// <summary>A request's claim on an upstream: counted in flight from <see cref="UpstreamSwitch.Acquire"/> until disposed.</summary>
sealed class UpstreamLease(ActiveUpstream upstream) : IDisposable
{
    public ActiveUpstream Upstream { get; } = upstream;

    public void Dispose() => Interlocked.Decrement(ref Upstream.InFlight.Value);
}
