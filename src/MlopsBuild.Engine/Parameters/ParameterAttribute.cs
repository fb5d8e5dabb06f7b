namespace MlopsBuild.Engine.Parameters;

/// <summary>
/// Marks a field or property whose value comes from <c>--kebab-case</c> arguments, <c>PREFIX_UPPER_SNAKE</c>
/// environment variables, <c>.nuke/parameters.json</c> or a profile file, in that order of precedence.
/// </summary>
[AttributeUsage(AttributeTargets.Field | AttributeTargets.Property)]
public sealed class ParameterAttribute(string? description = null) : Attribute
{
    public string? Description { get; } = description;

    /// <summary>Overrides the name derived from the member (used for the JSON key; the option is its kebab-case).</summary>
    public string? Name { get; init; }
}

/// <summary>
/// A parameter whose value never appears in a log line, summary or manifest; on GitHub Actions it is also
/// registered with <c>::add-mask::</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Field | AttributeTargets.Property)]
public sealed class SecretAttribute(string? description = null) : Attribute
{
    public string? Description { get; } = description;
}

/// <summary>The prefix of the environment variables parameters are read from (default <c>MLOPS</c>).</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class EnvironmentPrefixAttribute(string prefix) : Attribute
{
    public string Prefix { get; } = prefix;
}
