namespace MlopsBuild.Quality.ModelCards;

/// <summary>One line of a candidate's lineage as the card shows it: ("git commit", "3f2a9c1…"), ("data", "sha256:…").</summary>
public sealed record LineageEntry(string Name, string Value);
