namespace MlopsBuild.Engine.Definition;

/// <summary>
/// A target is declared as a property returning this delegate: <c>Target Train =&gt; _ =&gt; _.DependsOn(ValidateData)...</c>.
/// The engine calls it once with a fresh definition to learn what the target is.
/// </summary>
public delegate ITargetDefinition Target(ITargetDefinition _);
