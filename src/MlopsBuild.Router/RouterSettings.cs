using System.Globalization;
using System.Net;
using Microsoft.Extensions.Configuration;
using MlopsBuild.Router.Upstreams;

namespace MlopsBuild.Router;

/// <summary>
/// What the router is told at start, from the command line (<c>--port 8080</c>, …) or the environment
/// (<c>MLOPS_ROUTER_PORT</c>, …); the command line wins.
/// </summary>
/// <param name="Host">The address both listeners bind: an IP address or <c>localhost</c>.</param>
/// <param name="Port">The public port: every request on it is forwarded to the current upstream.</param>
/// <param name="AdminPort">The admin port: <c>GET|PUT /upstream</c>, <c>/health</c>, <c>/metrics</c>.</param>
/// <param name="Upstream">The upstream to start with, when no state file says otherwise; null: none until a PUT.</param>
/// <param name="Label">The label of <paramref name="Upstream"/> (e.g. the model version), sent back in a response header.</param>
/// <param name="StatePath">Where the current upstream is kept across restarts; null: nowhere.</param>
public sealed record RouterSettings(string Host, int Port, int AdminPort, Uri? Upstream, string? Label, string? StatePath)
{
    public const string EnvironmentPrefix = "MLOPS_ROUTER_";
    public const string DefaultHost = "127.0.0.1";

    const string Usage = "the options are --port N --admin-port N [--host ADDRESS] [--upstream URL [--label LABEL]] [--state PATH].";

    /// <summary>Command-line switches and the configuration keys they set (the environment's, less the prefix).</summary>
    public static IDictionary<string, string> SwitchMappings { get; } = new Dictionary<string, string>
    {
        ["--host"] = "HOST",
        ["--port"] = "PORT",
        ["--admin-port"] = "ADMIN_PORT",
        ["--upstream"] = "UPSTREAM",
        ["--label"] = "LABEL",
        ["--state"] = "STATE",
    };

    /// <summary>Reads the command line and the MLOPS_ROUTER_ environment variables.</summary>
    /// <exception cref="StartupException">An option is unknown, missing or out of range.</exception>
    public static RouterSettings Read(string[] args)
    {
        IConfiguration commandLine;
        try
        {
            commandLine = new ConfigurationBuilder().AddCommandLine(args, SwitchMappings).Build();
        }
        catch (FormatException e)
        {
            throw new StartupException($"The command line cannot be read ({e.Message}): {Usage}");
        }
        if (commandLine.AsEnumerable().Select(pair => pair.Key).FirstOrDefault(key => !SwitchMappings.Values.Contains(key)) is { } unknown)
            throw new StartupException($"Unknown option '--{unknown}': {Usage}");
        var configuration = new ConfigurationBuilder()
            .AddEnvironmentVariables(EnvironmentPrefix)
            .AddConfiguration(commandLine)
            .Build();
        return From(configuration);
    }

    static RouterSettings From(IConfiguration configuration)
    {
        var host = Text(configuration, "HOST") ?? DefaultHost;
        if (host != "localhost" && !IPAddress.TryParse(host, out _))
            throw new StartupException($"{Option("HOST")} is '{host}': give an IP address (e.g. 127.0.0.1, or 0.0.0.0 for every interface) or localhost.");
        var port = ReadPort(configuration, "PORT", "the port clients reach the environment on");
        var adminPort = ReadPort(configuration, "ADMIN_PORT", "the port the deployer switches the router on");
        if (port == adminPort)
            throw new StartupException($"--port and --admin-port are both {port}: give the admin listener a port of its own.");

        Uri? upstream = null;
        if (Text(configuration, "UPSTREAM") is { } upstreamText)
            upstream = UpstreamRules.ParseAddress(upstreamText, out var problem) ?? throw new StartupException($"{Option("UPSTREAM")} {problem}");
        var label = Text(configuration, "LABEL");
        if (label is not null && UpstreamRules.LabelProblem(label) is { } labelProblem)
            throw new StartupException($"{Option("LABEL")} {labelProblem}");
        if (label is not null && upstream is null)
            throw new StartupException($"{Option("LABEL")} is '{label}' but no upstream is given: pass --upstream URL with it, or leave both out.");
        return new RouterSettings(host, port, adminPort, upstream, label, Text(configuration, "STATE"));
    }

    static int ReadPort(IConfiguration configuration, string key, string purpose)
    {
        if (Text(configuration, key) is not { } text)
            throw new StartupException($"No {Option(key)}: give {purpose}.");
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
            throw new StartupException($"{Option(key)} is '{text}': give a port number from 1 to 65535.");
        return port;
    }

    static string Option(string key) => $"{SwitchMappings.First(pair => pair.Value == key).Key} ({EnvironmentPrefix}{key})";

    static string? Text(IConfiguration configuration, string key) => string.IsNullOrWhiteSpace(configuration[key]) ? null : configuration[key];
}
