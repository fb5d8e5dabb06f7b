using MlopsBuild.Containers.Distribution;
using MlopsBuild.Deployment.Environments;

namespace MlopsBuild.Deployment.Rollouts;

/// <summary>A deployment that happened: where, what it replaced, and how long until the environment served it.</summary>
/// <param name="PreviousLabel">The version served before; null for the environment's first deployment.</param>
/// <param name="TimeToServing">From the start of the deployment until the router served the new version, checked.</param>
public sealed record DeploymentOutcome(
    string Environment,
    string Label,
    ImageDigestReference Image,
    Slot Slot,
    string? PreviousLabel,
    int SmokeRows,
    TimeSpan TimeToServing);
