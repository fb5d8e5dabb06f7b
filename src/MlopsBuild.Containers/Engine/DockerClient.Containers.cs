using System.Net;
using System.Text.Json;

namespace MlopsBuild.Containers.Engine;

public sealed partial class DockerClient
{
    /// <summary>Creates a container (POST /containers/create); returns its id. It does not start.</summary>
    public async Task<string> CreateContainerAsync(ContainerSpec spec, CancellationToken cancellationToken = default)
    {
        var path = RequestPaths.WithQuery("containers/create", ("name", spec.Name));
        using var content = Json(ContainerCreateBody.From(spec));
        using var response = await SendAsync(HttpMethod.Post, path, cancellationToken, content);
        await DockerResponses.EnsureSuccessAsync(response, $"create a container from {spec.Image}", cancellationToken);
        using var json = await DockerResponses.ReadJsonAsync(response, cancellationToken);
        return json.RootElement.GetProperty("Id").GetString()!;
    }

    public async Task StartContainerAsync(string id, CancellationToken cancellationToken = default)
    {
        using var response = await SendAsync(HttpMethod.Post, $"containers/{Uri.EscapeDataString(id)}/start", cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotModified) return; // already running
        await DockerResponses.EnsureSuccessAsync(response, $"start the container {id}", cancellationToken);
    }

    /// <summary>Changes a container's restart policy (POST /containers/{id}/update): "no", "on-failure", "always" or "unless-stopped".</summary>
    public async Task SetRestartPolicyAsync(string id, string policy, CancellationToken cancellationToken = default)
    {
        using var content = Json(new { RestartPolicy = new { Name = policy } });
        using var response = await SendAsync(HttpMethod.Post, $"containers/{Uri.EscapeDataString(id)}/update", cancellationToken, content);
        await DockerResponses.EnsureSuccessAsync(response, $"set the restart policy of the container {id} to {policy}", cancellationToken);
    }

    /// <summary>Stops a container: SIGTERM, then SIGKILL after <paramref name="timeout"/>. A stopped or missing container is fine.</summary>
    public async Task StopContainerAsync(string id, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var path = RequestPaths.WithQuery($"containers/{Uri.EscapeDataString(id)}/stop", ("t", ((int)Math.Ceiling(timeout.TotalSeconds)).ToString()));
        using var response = await SendAsync(HttpMethod.Post, path, cancellationToken);
        if (IsAlreadyDone(response)) return;
        await DockerResponses.EnsureSuccessAsync(response, $"stop the container {id}", cancellationToken);
    }

    /// <summary>Removes a container, killing it if it runs, with its anonymous volumes. A missing container is fine.</summary>
    public async Task RemoveContainerAsync(string id, CancellationToken cancellationToken = default)
    {
        var path = RequestPaths.WithQuery($"containers/{Uri.EscapeDataString(id)}", ("force", "1"), ("v", "1"));
        using var response = await SendAsync(HttpMethod.Delete, path, cancellationToken);
        if (IsAlreadyDone(response)) return;
        await DockerResponses.EnsureSuccessAsync(response, $"remove the container {id}", cancellationToken);
    }

    /// <summary>Waits until the container has stopped and returns its exit code.</summary>
    public async Task<long> WaitContainerAsync(string id, CancellationToken cancellationToken = default)
    {
        var path = RequestPaths.WithQuery($"containers/{Uri.EscapeDataString(id)}/wait", ("condition", "not-running"));
        using var response = await SendAsync(HttpMethod.Post, path, cancellationToken, completion: HttpCompletionOption.ResponseHeadersRead);
        var what = $"wait for the container {id}";
        await DockerResponses.EnsureSuccessAsync(response, what, cancellationToken);
        using var json = await DockerResponses.ReadJsonAsync(response, cancellationToken);
        var root = json.RootElement;
        if (root.TryGetProperty("Error", out var error) && DockerResponses.StringOrNull(error, "Message") is { Length: > 0 } message)
            throw new DockerException($"Docker could not {what}: {message}");
        return root.GetProperty("StatusCode").GetInt64();
    }

    /// <summary>Everything the container wrote so far, stdout and stderr apart.</summary>
    public async Task<ContainerLogs> ContainerLogsAsync(string id, CancellationToken cancellationToken = default)
    {
        var tty = await IsTtyAsync(id, cancellationToken);
        var path = RequestPaths.WithQuery($"containers/{Uri.EscapeDataString(id)}/logs", ("stdout", "1"), ("stderr", "1"));
        using var response = await SendAsync(HttpMethod.Get, path, cancellationToken, completion: HttpCompletionOption.ResponseHeadersRead);
        await DockerResponses.EnsureSuccessAsync(response, $"read the logs of the container {id}", cancellationToken);
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        // A container with a terminal has one raw stream; without one, frames say which stream each chunk belongs to.
        if (tty) return new ContainerLogs(await new StreamReader(stream).ReadToEndAsync(cancellationToken), "");
        return await LogStreamDemultiplexer.ReadAsync(stream, cancellationToken);
    }

    /// <summary>Describes a container (GET /containers/{id}/json); null when there is no such container.</summary>
    public async Task<ContainerInfo?> InspectContainerAsync(string id, CancellationToken cancellationToken = default)
    {
        using var json = await InspectContainerJsonAsync(id, cancellationToken);
        if (json is null) return null;
        var root = json.RootElement;
        var state = root.GetProperty("State");
        var config = root.TryGetProperty("Config", out var c) ? c : default;
        return new ContainerInfo(
            root.GetProperty("Id").GetString()!,
            root.GetProperty("Name").GetString()!.TrimStart('/'),
            root.GetProperty("Image").GetString()!,
            state.GetProperty("Status").GetString()!,
            state.GetProperty("Running").GetBoolean(),
            state.GetProperty("ExitCode").GetInt32(),
            state.TryGetProperty("Health", out var health) ? DockerResponses.StringOrNull(health, "Status") : null,
            DockerResponses.StringOrNull(state, "Error") is { Length: > 0 } error ? error : null,
            DockerResponses.StringMap(config, "Labels"),
            root.TryGetProperty("HostConfig", out var host) && host.TryGetProperty("RestartPolicy", out var restart)
                ? DockerResponses.StringOrNull(restart, "Name") is { Length: > 0 } policy ? policy : "no"
                : "no");
    }

    async Task<bool> IsTtyAsync(string id, CancellationToken cancellationToken)
    {
        using var json = await InspectContainerJsonAsync(id, cancellationToken)
            ?? throw new DockerException($"Docker could not read the logs of the container {id}: there is no such container.", HttpStatusCode.NotFound);
        return json.RootElement.GetProperty("Config").TryGetProperty("Tty", out var tty) && tty.GetBoolean();
    }

    async Task<JsonDocument?> InspectContainerJsonAsync(string id, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Get, $"containers/{Uri.EscapeDataString(id)}/json", cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound) return null;
        await DockerResponses.EnsureSuccessAsync(response, $"inspect the container {id}", cancellationToken);
        return await DockerResponses.ReadJsonAsync(response, cancellationToken);
    }
}
