using System.Text;
using System.Text.Json;
using MlopsBuild.Containers.Engine;

namespace MlopsBuild.Containers.Images;

/// <summary>
/// The Dockerfile instructions every image of one of our .NET apps shares (the model server, the router): runtime
/// (optional), the app's folder, its environment, WORKDIR, a non-root USER, HEALTHCHECK (optional), ENTRYPOINT — in the
/// order they change least to most often, so a change re-runs as few steps as possible. What changes with every
/// release (a server's model, the labels) is added after the build (see <see cref="AppImage"/>). No EXPOSE: the container uses the host's network and
/// the app chooses its port.
/// </summary>
static class AppDockerfile
{
    /// <summary>Where the published app lives in the image (the WORKDIR).</summary>
    public const string AppFolder = "/app";

    /// <summary>Where a framework-dependent app's runtime lives in the image (DOTNET_ROOT).</summary>
    public const string RuntimeFolder = "/usr/share/dotnet";

    public static StringBuilder Start(AppImageLayout app)
    {
        var text = new StringBuilder();
        text.AppendLine($"FROM {app.BaseImage}");
        if (app.RuntimeContextFolder is { } runtime)
        {
            text.AppendLine($"COPY {runtime}/ {RuntimeFolder}/");
            text.AppendLine($"ENV DOTNET_ROOT={RuntimeFolder}");
        }
        text.AppendLine($"COPY {app.AppContextFolder}/ {AppFolder}/");
        foreach (var (name, value) in app.Environment.OrderBy(variable => variable.Key, StringComparer.Ordinal))
            text.AppendLine($"ENV {name}={Quote(value)}");
        text.AppendLine($"WORKDIR {AppFolder}");
        text.AppendLine($"USER {app.User}");
        if (app.HealthCheck is { } check) text.AppendLine(HealthCheckInstruction(check));
        text.AppendLine($"ENTRYPOINT {Exec(app.Entrypoint)}");
        return text;
    }

    static string HealthCheckInstruction(HealthCheck check) =>
        $"HEALTHCHECK --interval={Seconds(check.Interval)} --timeout={Seconds(check.Timeout)} " +
        $"--start-period={Seconds(check.StartPeriod)} --retries={check.Retries} CMD {Exec(check.Command)}";

    static string Seconds(TimeSpan duration) => $"{(long)Math.Ceiling(duration.TotalMilliseconds)}ms";

    /// <summary>The exec form: a JSON array, so no shell parses the arguments.</summary>
    static string Exec(IReadOnlyList<string> command) => JsonSerializer.Serialize(command);

    /// <summary>A double-quoted ENV value: backslash, quote and '$' (the Dockerfile's variable expansion) escaped.</summary>
    static string Quote(string value)
    {
        if (value.Contains('\n') || value.Contains('\r'))
            throw new ArgumentException($"An image environment value cannot span lines: '{value}'.");
        return $"\"{value.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("$", "\\$")}\"";
    }
}
