namespace MlopsBuild.Data.Statistics;

public sealed record ValueCount(string Value, long Count);
