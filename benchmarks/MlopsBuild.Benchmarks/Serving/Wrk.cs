using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace MlopsBuild.Benchmarks.Serving;

/// <summary>Debian's wrk: runs a load and reads requests/s, p50/p99 latency and errors from its report.</summary>
internal static partial class Wrk
{
    /// <summary>Load-generator threads: the machine has 2 cores, shared with the server under test.</summary>
    public const int Threads = 2;

    public sealed record Figures(double RequestsPerSecond, double P50Ms, double P99Ms, long Errors);

    public static Figures Run(string url, string script, int connections, int seconds)
    {
        var start = new ProcessStartInfo("wrk") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "-t", Threads.ToString(CultureInfo.InvariantCulture), "-c", connections.ToString(CultureInfo.InvariantCulture), "-d", $"{seconds}s", "--latency", "-s", script, url })
            start.ArgumentList.Add(arg);
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            throw new InvalidOperationException("wrk is not installed: apt-get install -y wrk");
        }
        using (process)
        {
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0) throw new InvalidOperationException($"wrk failed: {process.StandardError.ReadToEnd()}");
            return new Figures(
                double.Parse(RequestsPerSecond().Match(output).Groups[1].Value, CultureInfo.InvariantCulture),
                Percentile(output, "50%"), Percentile(output, "99%"),
                Errors(output));
        }
    }

    static double Percentile(string output, string label)
    {
        var match = Regex.Match(output, $@"^\s*{Regex.Escape(label)}\s+([\d.]+)(us|ms|s)\s*$", RegexOptions.Multiline);
        if (!match.Success) throw new InvalidOperationException($"No {label} latency in wrk's report:\n{output}");
        var value = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        return match.Groups[2].Value switch { "us" => value / 1000, "ms" => value, _ => value * 1000 };
    }

    static long Errors(string output)
    {
        long errors = 0;
        if (NonSuccess().Match(output) is { Success: true } non2xx) errors += long.Parse(non2xx.Groups[1].Value, CultureInfo.InvariantCulture);
        foreach (Match socket in SocketErrors().Matches(output)) errors += long.Parse(socket.Groups[1].Value, CultureInfo.InvariantCulture);
        return errors;
    }

    [GeneratedRegex(@"Requests/sec:\s+([\d.]+)")]
    private static partial Regex RequestsPerSecond();

    [GeneratedRegex(@"Non-2xx or 3xx responses:\s+(\d+)")]
    private static partial Regex NonSuccess();

    [GeneratedRegex(@"(?:connect|read|write|timeout) (\d+)")]
    private static partial Regex SocketErrors();
}
