using MlopsBuild.Deployment.Environments;

namespace MlopsBuild.Deployment.Rollouts;

/// <summary>What an environment serves and whether it answers, as <see cref="EnvironmentInspector"/> found it.</summary>
/// <param name="Label">The version the router forwards to; null when nothing is deployed.</param>
/// <param name="Image">The image (repo@digest) the serving container runs; null when there is none.</param>
/// <param name="Healthy">The router, the slot container and /v2/health/ready through the router all answered, from <see cref="Label"/>.</param>
/// <param name="Summary">One line for people: what serves, or what is wrong.</param>
public sealed record EnvironmentStatus(string Environment, string? Label, Slot? Slot, string? Image, bool Healthy, string Summary);
