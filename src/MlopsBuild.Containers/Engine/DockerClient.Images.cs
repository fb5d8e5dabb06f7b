using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using MlopsBuild.Containers.Context;
using MlopsBuild.Containers.Distribution;

namespace MlopsBuild.Containers.Engine;

public sealed partial class DockerClient
{
    /// <summary>No credentials: the engine insists on the header for a push or pull, even with a registry that needs none.</summary>
    static readonly string AnonymousRegistryAuth = Convert.ToBase64String(Encoding.UTF8.GetBytes("{}"));

    /// <summary>Builds an image from a tar context (POST /build), streaming the build output to <paramref name="log"/>; returns the image id.</summary>
    /// <param name="steps">Told each Dockerfile instruction as the builder starts it.</param>
    public async Task<string> BuildImageAsync(
        BuildContext context, ImageBuildRequest request, Action<string>? log = null, Action<BuildStep>? steps = null,
        CancellationToken cancellationToken = default)
    {
        // The tar goes to a temporary file first: the request then has a length, and a large context never sits in memory.
        await using var tar = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None,
            bufferSize: 1 << 16, FileOptions.DeleteOnClose);
        context.WriteTo(tar);
        tar.Position = 0;
        using var content = new StreamContent(tar);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-tar");

        var path = RequestPaths.WithQuery("build",
            ("t", request.Tag),
            ("dockerfile", request.Dockerfile),
            ("labels", JsonSerializer.Serialize(request.Labels)),
            ("nocache", request.NoCache ? "1" : null),
            ("forcerm", "1"));
        using var response = await SendAsync(HttpMethod.Post, path, cancellationToken, content, HttpCompletionOption.ResponseHeadersRead);
        var what = request.Tag is null ? "build an image" : $"build the image {request.Tag}";
        await DockerResponses.EnsureSuccessAsync(response, what, cancellationToken);
        var aux = await ProgressStream.ReadAsync(await response.Content.ReadAsStreamAsync(cancellationToken), what, log, cancellationToken, steps: steps);
        if (aux.Select(payload => DockerResponses.StringOrNull(payload, "ID")).LastOrDefault(id => id is not null) is { } id) return id;
        // Engines that do not send the id in an aux message: the tag now names the image.
        return (request.Tag is null ? null : (await InspectImageAsync(request.Tag, cancellationToken))?.Id)
            ?? throw new DockerException($"Docker could not {what}: the build ended without an image.");
    }

    /// <summary>Creates an image from a root filesystem tar (POST /images/create?fromSrc=-, like <c>docker import</c>); returns the image id.</summary>
    /// <param name="changes">Dockerfile instructions applied to the image, e.g. <c>ENV PATH=…</c> or <c>LABEL k=v</c>.</param>
    public async Task<string> ImportImageAsync(
        Stream rootFilesystemTar, ImageReference reference, IReadOnlyList<string> changes, Action<string>? log = null,
        CancellationToken cancellationToken = default)
    {
        using var content = new StreamContent(rootFilesystemTar);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-tar");
        var path = RequestPaths.WithQuery("images/create",
            [("fromSrc", "-"), ("repo", reference.Repository), ("tag", reference.Tag), .. changes.Select(change => ("changes", (string?)change))]);
        using var response = await SendAsync(HttpMethod.Post, path, cancellationToken, content, HttpCompletionOption.ResponseHeadersRead);
        var what = $"import the image {reference}";
        await DockerResponses.EnsureSuccessAsync(response, what, cancellationToken);
        await ProgressStream.ReadAsync(await response.Content.ReadAsStreamAsync(cancellationToken), what, log, cancellationToken);
        return (await InspectImageAsync(reference.ToString(), cancellationToken))?.Id
            ?? throw new DockerException($"Docker could not {what}: the import ended without an image.");
    }

    /// <summary>Gives an existing image another name (POST /images/{name}/tag).</summary>
    public async Task TagImageAsync(string image, ImageReference target, CancellationToken cancellationToken = default)
    {
        var path = RequestPaths.WithQuery($"images/{RequestPaths.Reference(image)}/tag", ("repo", target.Repository), ("tag", target.Tag));
        using var response = await SendAsync(HttpMethod.Post, path, cancellationToken);
        await DockerResponses.EnsureSuccessAsync(response, $"tag {image} as {target}", cancellationToken);
    }

    /// <summary>Pushes a tagged image to the registry its name points at; returns the manifest digest (<c>sha256:…</c>).</summary>
    /// <param name="layers">Told each layer's progress, with the bytes pushed so far (see <see cref="ImageTransferProgress"/>).</param>
    public async Task<string> PushImageAsync(
        ImageReference reference, Action<string>? log = null, Action<LayerProgress>? layers = null, CancellationToken cancellationToken = default)
    {
        var path = RequestPaths.WithQuery($"images/{RequestPaths.Reference(reference.Repository)}/push", ("tag", reference.Tag));
        using var response = await SendAsync(HttpMethod.Post, path, cancellationToken, content: null,
            HttpCompletionOption.ResponseHeadersRead, new Dictionary<string, string> { ["X-Registry-Auth"] = AnonymousRegistryAuth });
        var what = $"push {reference}";
        await DockerResponses.EnsureSuccessAsync(response, what, cancellationToken);
        var aux = await ProgressStream.ReadAsync(await response.Content.ReadAsStreamAsync(cancellationToken), what, log, cancellationToken, layers);
        return aux.Select(payload => DockerResponses.StringOrNull(payload, "Digest")).LastOrDefault(digest => digest is not null)
            ?? throw new DockerException($"Docker could not {what}: the push ended without reporting a digest.");
    }

    /// <summary>
    /// Pulls an image by its manifest digest (POST /images/create), so the engine holds exactly the bytes the digest names
    /// and <c>repository@sha256:…</c> runs them; returns the image id.
    /// </summary>
    public async Task<string> PullImageAsync(ImageDigestReference reference, Action<string>? log = null, CancellationToken cancellationToken = default)
    {
        // The API's tag parameter takes a tag or a digest, as the docker CLI sends a pull by digest.
        var path = RequestPaths.WithQuery("images/create", ("fromImage", reference.Repository), ("tag", reference.Digest));
        using var response = await SendAsync(HttpMethod.Post, path, cancellationToken, content: null,
            HttpCompletionOption.ResponseHeadersRead, new Dictionary<string, string> { ["X-Registry-Auth"] = AnonymousRegistryAuth });
        var what = $"pull {reference}";
        await DockerResponses.EnsureSuccessAsync(response, what, cancellationToken);
        await ProgressStream.ReadAsync(await response.Content.ReadAsStreamAsync(cancellationToken), what, log, cancellationToken);
        return (await InspectImageAsync(reference.ToString(), cancellationToken))?.Id
            ?? throw new DockerException($"Docker could not {what}: the pull ended without the image.");
    }

    /// <summary>
    /// Loads images from a <c>docker save</c> archive (POST /images/load). The archive may leave out the files of layers
    /// the engine already holds: it looks a layer up by its chain of diff ids before it opens the layer's file.
    /// </summary>
    public async Task LoadImageAsync(Stream archive, Action<string>? log = null, CancellationToken cancellationToken = default)
    {
        using var content = new StreamContent(archive);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-tar");
        using var response = await SendAsync(HttpMethod.Post, "images/load", cancellationToken, content, HttpCompletionOption.ResponseHeadersRead);
        const string what = "load an image archive";
        await DockerResponses.EnsureSuccessAsync(response, what, cancellationToken);
        await ProgressStream.ReadAsync(await response.Content.ReadAsStreamAsync(cancellationToken), what, log, cancellationToken);
    }

    /// <summary>Describes an image (GET /images/{name}/json); null when there is no such image.</summary>
    public async Task<ImageInfo?> InspectImageAsync(string image, CancellationToken cancellationToken = default)
    {
        using var json = await InspectImageJsonAsync(image, cancellationToken);
        if (json is null) return null;
        var root = json.RootElement;
        var config = root.TryGetProperty("Config", out var c) ? c : default;
        var rootFilesystem = root.TryGetProperty("RootFS", out var r) ? r : default;
        return new ImageInfo(
            root.GetProperty("Id").GetString()!,
            root.GetProperty("Size").GetInt64(),
            DockerResponses.StringMap(config, "Labels"),
            DockerResponses.StringList(root, "RepoTags"),
            DockerResponses.StringList(root, "RepoDigests"),
            DockerResponses.StringList(rootFilesystem, "Layers"),
            DockerResponses.StringOrNull(config, "User") is { Length: > 0 } user ? user : null);
    }

    /// <summary>The engine's whole description of an image (GET /images/{name}/json), as JSON; null when there is no such image.</summary>
    internal async Task<JsonDocument?> InspectImageJsonAsync(string image, CancellationToken cancellationToken = default)
    {
        using var response = await SendAsync(HttpMethod.Get, $"images/{RequestPaths.Reference(image)}/json", cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound) return null;
        await DockerResponses.EnsureSuccessAsync(response, $"inspect the image {image}", cancellationToken);
        return await DockerResponses.ReadJsonAsync(response, cancellationToken);
    }

    /// <summary>How an image was made, oldest step first (GET /images/{name}/history, which answers newest first).</summary>
    public async Task<IReadOnlyList<ImageHistoryEntry>> ImageHistoryAsync(string image, CancellationToken cancellationToken = default)
    {
        using var response = await SendAsync(HttpMethod.Get, $"images/{RequestPaths.Reference(image)}/history", cancellationToken);
        await DockerResponses.EnsureSuccessAsync(response, $"read the history of the image {image}", cancellationToken);
        using var json = await DockerResponses.ReadJsonAsync(response, cancellationToken);
        return [.. json.RootElement.EnumerateArray().Reverse().Select(entry => new ImageHistoryEntry(
            DateTimeOffset.FromUnixTimeSeconds(entry.GetProperty("Created").GetInt64()),
            DockerResponses.StringOrNull(entry, "CreatedBy") ?? "",
            DockerResponses.StringOrNull(entry, "Comment") ?? "",
            entry.GetProperty("Size").GetInt64()))];
    }

    /// <summary>Removes an image (forced, so a tag still in use by a stopped container goes too); no such image is fine.</summary>
    public async Task RemoveImageAsync(string image, CancellationToken cancellationToken = default)
    {
        var path = RequestPaths.WithQuery($"images/{RequestPaths.Reference(image)}", ("force", "1"));
        using var response = await SendAsync(HttpMethod.Delete, path, cancellationToken);
        if (IsAlreadyDone(response)) return;
        await DockerResponses.EnsureSuccessAsync(response, $"remove the image {image}", cancellationToken);
    }
}
