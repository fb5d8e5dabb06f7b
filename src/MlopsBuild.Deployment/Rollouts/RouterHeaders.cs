namespace MlopsBuild.Deployment.Rollouts;

/// <summary>Headers the router adds to every answer it forwards.</summary>
public static class RouterHeaders
{
    /// <summary>The label (model version) of the slot that answered.</summary>
    public const string UpstreamLabel = "X-Mlops-Upstream-Label";
}
