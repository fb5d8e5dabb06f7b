using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace MlopsBuild.Serving;

/// <summary>
/// What the server is told at start, from the command line (<c>--model PATH</c>, <c>--model-name</c>, …) or the
/// environment (<c>MLOPS_MODEL</c>, <c>MLOPS_MODEL_NAME</c>, …); the command line wins.
/// </summary>
/// <param name="ModelPath">The model file to serve.</param>
/// <param name="ModelName">The name clients use; null: the file's name without extension.</param>
/// <param name="MaxBodyBytes">Largest request body accepted (413 above it).</param>
/// <param name="PredictionLogPath">Where sampled predictions go as JSON lines; null: no log.</param>
/// <param name="PredictionLogSampleRate">Fraction of requests logged, 0 … 1.</param>
/// <param name="PredictionLogMaxBytes">Size at which the log is rotated to one <c>.1</c> file.</param>
public sealed record ServerSettings(
    string ModelPath,
    string? ModelName,
    long MaxBodyBytes,
    string? PredictionLogPath,
    double PredictionLogSampleRate,
    long PredictionLogMaxBytes)
{
    public const long DefaultMaxBodyBytes = 1024 * 1024;
    public const double DefaultSampleRate = 0.1;
    public const long DefaultLogMaxBytes = 64L * 1024 * 1024;

    /// <summary>Command-line switches and the configuration keys they set (the environment's, less MLOPS_).</summary>
    public static IDictionary<string, string> SwitchMappings { get; } = new Dictionary<string, string>
    {
        ["--model"] = "MODEL",
        ["--model-name"] = "MODEL_NAME",
        ["--max-body-bytes"] = "MAX_BODY_BYTES",
        ["--prediction-log"] = "PREDICTION_LOG",
        ["--prediction-log-sample-rate"] = "PREDICTION_LOG_SAMPLE_RATE",
        ["--prediction-log-max-bytes"] = "PREDICTION_LOG_MAX_BYTES",
        ["--host"] = "HOST",
        ["--port"] = "PORT",
    };

    /// <exception cref="StartupException">A setting is missing or out of range.</exception>
    public static ServerSettings From(IConfiguration configuration)
    {
        var model = configuration["MODEL"];
        if (string.IsNullOrWhiteSpace(model))
            throw new StartupException("No model to serve: pass --model PATH (or set MLOPS_MODEL) to a model file made by './build.sh Train'.");
        var rate = Number(configuration, "PREDICTION_LOG_SAMPLE_RATE", "--prediction-log-sample-rate", DefaultSampleRate, 0, 1);
        return new ServerSettings(
            model,
            NullIfEmpty(configuration["MODEL_NAME"]),
            (long)Number(configuration, "MAX_BODY_BYTES", "--max-body-bytes", DefaultMaxBodyBytes, 1, 1L << 30),
            NullIfEmpty(configuration["PREDICTION_LOG"]),
            rate,
            (long)Number(configuration, "PREDICTION_LOG_MAX_BYTES", "--prediction-log-max-bytes", DefaultLogMaxBytes, 1, 1L << 40));
    }

    /// <summary>The URL to listen on from --host/--port, or null when only ASP.NET's own --urls decides.</summary>
    /// <exception cref="StartupException">The port is not a port number.</exception>
    public static string? ListenUrl(IConfiguration configuration)
    {
        if (NullIfEmpty(configuration["PORT"]) is not { } port) return null;
        if (!int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number is < 1 or > 65535)
            throw new StartupException($"--port (MLOPS_PORT) is '{port}': give a port number from 1 to 65535.");
        return $"http://{NullIfEmpty(configuration["HOST"]) ?? "127.0.0.1"}:{number}";
    }

    static double Number(IConfiguration configuration, string key, string option, double fallback, double min, double max)
    {
        if (NullIfEmpty(configuration[key]) is not { } text) return fallback;
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !(value >= min && value <= max))
            throw new StartupException($"{option} (MLOPS_{key}) is '{text}': give a number from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}.");
        return value;
    }

    static string? NullIfEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;
}
