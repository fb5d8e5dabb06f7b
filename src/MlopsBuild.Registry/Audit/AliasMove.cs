namespace MlopsBuild.Registry.Audit;

/// <summary>An alias changed from one version to another (null: the alias did not exist / was removed).</summary>
public sealed record AliasMove(string Alias, int? From, int? To)
{
    public bool Changed => From != To;
}
