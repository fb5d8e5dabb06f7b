namespace MlopsBuild.Engine.Parameters;

/// <summary>
/// The arguments of one invocation: leading words are target names, then <c>--option [values...]</c>
/// or <c>--option=value</c>. An option given with no value has an empty list (a switch, or "all").
/// </summary>
internal sealed class CommandLine
{
    CommandLine(IReadOnlyList<string> targets, IReadOnlyDictionary<string, List<string>> options)
    {
        Targets = targets;
        Options = options;
    }

    public IReadOnlyList<string> Targets { get; }

    /// <summary>Keyed by the option without dashes, compared case-insensitively.</summary>
    public IReadOnlyDictionary<string, List<string>> Options { get; }

    public static CommandLine Parse(IReadOnlyList<string> args)
    {
        var targets = new List<string>();
        var options = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        List<string>? current = null;
        foreach (var arg in args)
        {
            if (arg.StartsWith("--", StringComparison.Ordinal) && arg.Length > 2)
            {
                var equals = arg.IndexOf('=');
                var name = equals > 0 ? arg[2..equals] : arg[2..];
                if (options.ContainsKey(name))
                    throw new BuildUsageException($"The option '--{name}' is given twice; give it once with all its values.");
                current = options[name] = [];
                if (equals > 0)
                {
                    current.Add(arg[(equals + 1)..]);
                    current = null;
                }
            }
            else if (arg is "-h" or "-?" or "/?")
            {
                options.TryAdd("help", []);
            }
            else if (current is not null)
            {
                current.Add(arg);
            }
            else if (options.Count == 0)
            {
                targets.Add(arg);
            }
            else
            {
                throw new BuildUsageException($"The argument '{arg}' follows '--{options.Keys.Last()}=...' but belongs to no option. Put target names first.");
            }
        }
        return new CommandLine(targets, options);
    }
}
