using MlopsBuild.Containers.Distribution;
using MlopsBuild.Deployment.Smoke;

namespace MlopsBuild.Deployment.Rollouts;

/// <summary>What a deployment puts into an environment: a model version's image, by digest, and how to check it serves that model.</summary>
/// <param name="Label">The model version, e.g. "v3": the router tags every answer with it.</param>
/// <param name="Image">The image in the environment's repository, by digest: never rebuilt, never by tag.</param>
/// <param name="SmokeCheck">Sends known rows to a server and returns how many it compared; throws <see cref="SmokeTestException"/> when a prediction differs.</param>
public sealed record Release(string Label, ImageDigestReference Image, Func<ModelServerClient, CancellationToken, Task<int>> SmokeCheck);
