using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace MlopsBuild.Router.Upstreams;

/// <summary>
/// The current upstream and the requests in flight to each address, switched without a lock on the request path.
/// The guarantee a blue/green deploy rests on: once <see cref="SwitchTo"/> has returned and the old address reads 0 in
/// flight, no request starts on it any more.
/// </summary>
sealed class UpstreamSwitch
{
    // One counter per address for the router's lifetime: a deploy alternates two slots, so this stays tiny, and a
    // counter is never removed while a request might still increment it.
    readonly ConcurrentDictionary<string, StrongBox<long>> inFlight = new(StringComparer.Ordinal);
    ActiveUpstream? current;

    public UpstreamState? Current => Volatile.Read(ref current)?.State;

    /// <summary>Claims the current upstream for one attempt; null when there is none.</summary>
    public UpstreamLease? Acquire()
    {
        while (true)
        {
            var upstream = Volatile.Read(ref current);
            if (upstream is null) return null;
            // Increment first, then check the upstream is still current. Both the increment and the switch's exchange
            // are full fences, so either this re-read sees the switch (undo and pick again), or the switch came later
            // and whoever reads the old counter after it sees this request.
            Interlocked.Increment(ref upstream.InFlight.Value);
            if (ReferenceEquals(Volatile.Read(ref current), upstream)) return new UpstreamLease(upstream);
            Interlocked.Decrement(ref upstream.InFlight.Value);
        }
    }

    /// <summary>Makes <paramref name="state"/> current; requests already in flight finish where they are.</summary>
    public void SwitchTo(UpstreamState state)
    {
        var counter = inFlight.GetOrAdd(state.AddressText, static _ => new StrongBox<long>());
        Interlocked.Exchange(ref current, new ActiveUpstream(state, counter));
    }

    /// <summary>Requests in flight by address: every address with some, and the current one even with none.</summary>
    public IReadOnlyList<(string Address, long Count)> InFlight()
    {
        var currentAddress = Current?.AddressText;
        return inFlight
            .Select(pair => (Address: pair.Key, Count: Volatile.Read(ref pair.Value.Value)))
            .Where(entry => entry.Count > 0 || entry.Address == currentAddress)
            .OrderBy(entry => entry.Address, StringComparer.Ordinal)
            .ToList();
    }
}
