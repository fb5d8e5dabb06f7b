namespace MlopsBuild.Data.Statistics;

/// <summary>A statistics file that cannot be read: the message says which file, where in it, and what is wrong.</summary>
public sealed class StatisticsFileException(string message, Exception? inner = null) : Exception(message, inner);
