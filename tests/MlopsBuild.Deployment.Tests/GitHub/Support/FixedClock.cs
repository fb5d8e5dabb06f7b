namespace MlopsBuild.Deployment.Tests.GitHub.Support;

/// <summary>A clock that always reads <paramref name="now"/>.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
