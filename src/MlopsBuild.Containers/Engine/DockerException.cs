using System.Net;

namespace MlopsBuild.Containers.Engine;

/// <summary>The Docker engine answered, and refused or failed: <see cref="Exception.Message"/> says what and the engine's words.</summary>
public class DockerException(string message, HttpStatusCode? statusCode = null, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>The HTTP status of the refusal, or null when the failure came in a progress stream (build, push).</summary>
    public HttpStatusCode? StatusCode { get; } = statusCode;
}
