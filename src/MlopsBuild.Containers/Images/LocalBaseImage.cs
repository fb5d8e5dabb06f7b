using System.Diagnostics;
using MlopsBuild.Containers.Engine;

namespace MlopsBuild.Containers.Images;

/// <summary>
/// A base image built here, without pulling: Debian bookworm by <c>debootstrap --variant=minbase</c>, imported as
/// <see cref="DefaultName"/>. Minbase has most of what a self-contained .NET app needs with invariant globalization
/// (libc, libstdc++6, zlib1g); libssl3 is added, as .NET's hashing and TLS load OpenSSL at run time. apt's caches and
/// the docs are dropped. Built once: an existing image is reused.
/// Needs root and debootstrap (apt-get install -y debootstrap); the Debian mirror must be reachable.
/// For real users the default base stays Microsoft's official .NET image; this one is for machines that cannot pull.
/// </summary>
public static class LocalBaseImage
{
    /// <summary>The tag ends in the recipe's revision: raise it when the recipe changes, so that an engine holding an
    /// image of the old recipe builds the new one rather than reusing the old.</summary>
    public const string DefaultName = "mlopsbuild/base:bookworm-r2";
    public const string Suite = "bookworm";

    const string ExtraPackages = "libssl3";

    static readonly string[] Changes =
    [
        "ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
        "LABEL org.opencontainers.image.base.name=debian:bookworm-minbase",
    ];

    static readonly string[] Trimmed = ["var/cache/apt/archives", "var/lib/apt/lists", "usr/share/doc", "usr/share/man", "usr/share/info", "usr/share/locale"];

    /// <summary>Returns the image, building it first when the engine does not have it.</summary>
    public static async Task<ImageInfo> EnsureAsync(
        DockerClient docker, string name = DefaultName, Action<string>? log = null, CancellationToken cancellationToken = default)
    {
        if (await docker.InspectImageAsync(name, cancellationToken) is { } existing) return existing;
        if (!OperatingSystem.IsLinux() || !Environment.IsPrivilegedProcess)
            throw new InvalidOperationException(
                $"The base image {name} is missing and building it needs root on Linux (debootstrap): run './build.sh BuildBaseImage' as root once, " +
                "or configure a base image the engine already has.");

        var rootFilesystem = Directory.CreateTempSubdirectory("mlops-rootfs-").FullName;
        try
        {
            // A temp folder is 0700, and tar carries that to the image's "/": a non-root user could then run nothing.
            File.SetUnixFileMode(rootFilesystem, Context.BuildContext.DirectoryMode);
            log?.Invoke($"debootstrap --variant=minbase --include={ExtraPackages} {Suite} (a minute or two)");
            await RunAsync("debootstrap", ["--variant=minbase", $"--include={ExtraPackages}", Suite, rootFilesystem], log, cancellationToken);
            foreach (var folder in Trimmed) DeleteContents(Path.Combine(rootFilesystem, folder));
            await ImportAsync(docker, rootFilesystem, ImageReference.Parse(name), log, cancellationToken);
        }
        finally
        {
            Directory.Delete(rootFilesystem, recursive: true);
        }
        return await docker.InspectImageAsync(name, cancellationToken)
            ?? throw new DockerException($"The base image {name} was imported but the engine does not show it.");
    }

    /// <summary>Streams <c>tar -c</c> of the root filesystem straight into the engine's import.</summary>
    static async Task ImportAsync(DockerClient docker, string rootFilesystem, ImageReference reference, Action<string>? log, CancellationToken cancellationToken)
    {
        using var tar = Start("tar", ["--numeric-owner", "-C", rootFilesystem, "-c", "."]);
        var errors = tar.StandardError.ReadToEndAsync(cancellationToken);
        await docker.ImportImageAsync(tar.StandardOutput.BaseStream, reference, Changes, log, cancellationToken);
        await tar.WaitForExitAsync(cancellationToken);
        if (tar.ExitCode != 0) throw new InvalidOperationException($"tar of {rootFilesystem} failed ({tar.ExitCode}): {await errors}");
    }

    static async Task RunAsync(string program, IReadOnlyList<string> arguments, Action<string>? log, CancellationToken cancellationToken)
    {
        using var process = Start(program, arguments);
        var lastLines = new Queue<string>();
        void Keep(string? line)
        {
            if (line is null) return;
            lock (lastLines)
            {
                lastLines.Enqueue(line);
                if (lastLines.Count > 20) lastLines.Dequeue();
            }
        }
        process.OutputDataReceived += (_, line) => Keep(line.Data);
        process.ErrorDataReceived += (_, line) => Keep(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode == 0) return;
        throw new InvalidOperationException(
            $"{program} {string.Join(' ', arguments)} failed with exit code {process.ExitCode}; its last lines:{Environment.NewLine}" +
            string.Join(Environment.NewLine, lastLines));
    }

    static Process Start(string program, IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        try
        {
            return Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            throw new InvalidOperationException($"Cannot run '{program}' ({exception.Message}): apt-get install -y debootstrap tar", exception);
        }
    }

    static void DeleteContents(string folder)
    {
        if (!Directory.Exists(folder)) return;
        foreach (var entry in new DirectoryInfo(folder).EnumerateFileSystemInfos())
            if (entry is DirectoryInfo directory) directory.Delete(recursive: true);
            else entry.Delete();
    }
}
