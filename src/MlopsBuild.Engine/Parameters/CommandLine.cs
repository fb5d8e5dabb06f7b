namespace MlopsBuild.Engine.Parameters;

/// <summary>
/// The arguments of one invocation: target names and <c>--option [values...]</c> or <c>--option=value</c>;
/// a word is a target unless it follows an option that takes it. An option given with no value has an empty list (a switch, or "all").
/// A switch takes only true/false as its value, so in <c>--plan Train</c> the word after it is a target.
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

    static readonly string[] BooleanWords = ["true", "false", "yes", "no", "on", "off", "1", "0"];

    public static CommandLine Parse(IReadOnlyList<string> args, Func<string, bool> isSwitch)
    {
        var targets = new List<string>();
        var options = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        List<string>? current = null; // the values of the option that may take the next word
        var currentIsSwitch = false;
        foreach (var arg in args)
        {
            if (arg.StartsWith("--", StringComparison.Ordinal) && arg.Length > 2)
            {
                var equals = arg.IndexOf('=');
                var name = equals > 0 ? arg[2..equals] : arg[2..];
                if (options.ContainsKey(name))
                    throw new BuildUsageException($"The option '--{name}' is given twice; give it once with all its values.");
                current = options[name] = [];
                currentIsSwitch = isSwitch(name);
                if (equals < 0) continue;
                current.Add(arg[(equals + 1)..]);
                current = null;
            }
            else if (arg is "-h" or "-?" or "/?")
            {
                options.TryAdd("help", []);
                current = null;
            }
            else if (current is not null && (!currentIsSwitch || BooleanWords.Contains(arg, StringComparer.OrdinalIgnoreCase)))
            {
                current.Add(arg);
                if (currentIsSwitch) current = null;
            }
            else
            {
                targets.Add(arg);
                current = null;
            }
        }
        return new CommandLine(targets, options);
    }
}
