namespace MlopsBuild.Deployment.Smoke;

/// <summary>A model server that does not start, answer, or predict what the model predicts offline.</summary>
public sealed class SmokeTestException(string message) : Exception(message);
