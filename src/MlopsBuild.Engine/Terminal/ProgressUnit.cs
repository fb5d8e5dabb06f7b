namespace MlopsBuild.Engine.Terminal;

/// <summary>What a progress reporter counts, for how amounts are shown ("37 of 100", "4.2 MB of 10.5 MB").</summary>
public enum ProgressUnit
{
    Items,
    Bytes,
}
