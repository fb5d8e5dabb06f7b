namespace MlopsBuild.Deployment.Rollouts;

/// <summary>A deployment, promotion or rollback that did not happen, with why and what the environment serves now.</summary>
public sealed class DeploymentException(string message) : Exception(message);
