using MlopsBuild.Core.Text;

namespace MlopsBuild.Engine.Parameters;

/// <summary>A parameter's final value and where it came from.</summary>
internal sealed record ResolvedParameter(ParameterMember Member, object? Value, string Source);

/// <summary>
/// Sets every parameter member of a build from, in order of precedence: the command line, prefixed environment
/// variables, the profile files (a later profile wins), <c>.nuke/parameters.json</c>, and the member's own default.
/// </summary>
internal static class ParameterResolver
{
    public static IReadOnlyList<ResolvedParameter> Apply(
        object build,
        IReadOnlyList<ParameterMember> members,
        CommandLine commandLine,
        Func<string, string?> environment,
        ParameterFiles files,
        string workingDirectory,
        string rootDirectory)
    {
        RejectUnknownOptions(members, commandLine);
        files.RejectUnknownKeys(members);

        var resolved = new List<ResolvedParameter>();
        foreach (var member in members)
        {
            var (values, source, baseDirectory) = Find(member, commandLine, environment, files, workingDirectory, rootDirectory);
            if (values is null)
            {
                resolved.Add(new ResolvedParameter(member, member.GetValue(build), "default"));
                continue;
            }
            object? value;
            try
            {
                value = ValueConverter.Convert(values, member.Type, baseDirectory);
            }
            catch (FormatException e)
            {
                var problem = e.Message.EndsWith('.') || e.Message.EndsWith('?') ? e.Message : e.Message + ".";
                throw new BuildUsageException($"Parameter {member.Name} ({source}): {problem} It expects {ValueConverter.Describe(member.Type)}.");
            }
            member.SetValue(build, value);
            resolved.Add(new ResolvedParameter(member, value, source));
        }
        return resolved;
    }

    static (IReadOnlyList<string>? Values, string Source, string BaseDirectory) Find(
        ParameterMember member, CommandLine commandLine, Func<string, string?> environment, ParameterFiles files,
        string workingDirectory, string rootDirectory)
    {
        if (commandLine.Options.TryGetValue(member.Option[2..], out var fromCommandLine))
            return (fromCommandLine, member.Option, workingDirectory);
        // Empty is unset: CI systems pass an input or secret nobody gave as an empty variable.
        if (environment(member.EnvironmentVariable) is { Length: > 0 } fromEnvironment)
            return (SplitList(fromEnvironment, member.Type), "environment variable " + member.EnvironmentVariable, workingDirectory);
        if (files.Find(member.Name) is { } fromFile)
            return (fromFile.Values, $"{fromFile.File}({fromFile.Line},{fromFile.Column})", rootDirectory);
        return (null, "default", rootDirectory);
    }

    /// <summary>Environment variables hold lists as comma-separated text.</summary>
    static IReadOnlyList<string> SplitList(string text, Type type) =>
        type.IsArray
            ? text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            : [text];

    static void RejectUnknownOptions(IReadOnlyList<ParameterMember> members, CommandLine commandLine)
    {
        var known = members.Select(m => m.Option[2..]).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var option in commandLine.Options.Keys.Where(o => !known.Contains(o)))
            throw new BuildUsageException(
                $"Unknown option '--{option}'.{ClosestMatch.Hint(option, known, o => "--" + o)} Run with --help to list the parameters.");
    }
}
