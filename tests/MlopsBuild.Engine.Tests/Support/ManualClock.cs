namespace MlopsBuild.Engine.Tests.Support;

/// <summary>A clock that only moves when the test moves it.</summary>
public sealed class ManualClock : TimeProvider
{
    long ticks;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => ticks;

    public void Advance(TimeSpan by) => ticks += by.Ticks;
}
