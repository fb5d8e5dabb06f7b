namespace MlopsBuild.Router.Admin;

/// <summary>An admin request the router refuses (400); <see cref="Field"/> names the offending body field when there is one.</summary>
sealed class BadRequestException(string? field, string message) : Exception(message)
{
    public string? Field { get; } = field;
}
