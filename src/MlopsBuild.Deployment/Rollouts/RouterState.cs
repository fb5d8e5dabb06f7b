using MlopsBuild.Deployment.Environments;

namespace MlopsBuild.Deployment.Rollouts;

/// <summary>What an environment's router forwards to (GET /upstream on its admin port).</summary>
/// <param name="Upstream">The slot address requests go to; null before the first deployment.</param>
/// <param name="Label">The model version served there, e.g. "v3".</param>
/// <param name="InFlight">Requests not yet answered, per upstream address (the current one included).</param>
public sealed record RouterState(Uri? Upstream, string? Label, DateTimeOffset? Since, IReadOnlyDictionary<Uri, int> InFlight)
{
    public int InFlightAt(Uri upstream) => InFlight.Where(pair => Endpoints.Same(pair.Key, upstream)).Sum(pair => pair.Value);
}
