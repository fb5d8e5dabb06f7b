using System.Net;

namespace MlopsBuild.Containers.Distribution;

/// <summary>
/// An OCI registry refused or failed a request: <see cref="Exception.Message"/> says what, where, and what to do.
/// (Named apart from MlopsBuild.Registry's RegistryException, the model registry's, which the same callers catch.)
/// </summary>
public class OciRegistryException(string message, HttpStatusCode? statusCode = null, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>The HTTP status of the refusal, or null when no status applies (a tampered manifest, no answer).</summary>
    public HttpStatusCode? StatusCode { get; } = statusCode;
}
