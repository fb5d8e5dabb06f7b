namespace MlopsBuild.Engine.Reports;

/// <summary>A named value a target hands to later steps and jobs with <c>Output(name, value)</c>.</summary>
internal sealed record JobOutput(string Target, string Name, string Value);
