using System.Text;
using System.Text.Json;
using MlopsBuild.Containers.Engine;

namespace MlopsBuild.Containers.Images;

/// <summary>
/// The Dockerfile of a server image. Layers in the order they change least to most often: runtime (optional), server,
/// then the model LAST, with every metadata instruction before it — so a model-only change re-runs only the final
/// COPY, and the build cache serves everything above. Labels come from the build request (applied after all steps).
/// No EXPOSE: the container uses the host's network and the server chooses its port.
/// </summary>
static class ServerDockerfile
{
    public static string For(ServerImageSpec spec)
    {
        var text = new StringBuilder();
        text.AppendLine($"FROM {spec.BaseImage}");
        if (spec.RuntimeFolder is not null)
        {
            text.AppendLine($"COPY {ServerImage.RuntimeContextFolder}/ {ServerImage.RuntimeFolder}/");
            text.AppendLine($"ENV DOTNET_ROOT={ServerImage.RuntimeFolder}");
        }
        text.AppendLine($"COPY {ServerImage.ServerContextFolder}/ {ServerImage.ServerFolder}/");
        foreach (var (name, value) in spec.Environment.OrderBy(variable => variable.Key, StringComparer.Ordinal))
            text.AppendLine($"ENV {name}={Quote(value)}");
        text.AppendLine($"WORKDIR {ServerImage.ServerFolder}");
        text.AppendLine($"USER {spec.User}");
        if (spec.HealthCheck is { } check) text.AppendLine(HealthCheckInstruction(check));
        text.AppendLine($"ENTRYPOINT {Exec([.. spec.Entrypoint, "--model", ServerImage.ModelPath])}");
        text.AppendLine($"COPY {ServerImage.ModelContextPath} {ServerImage.ModelPath}");
        return text.ToString();
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
