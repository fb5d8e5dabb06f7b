using System.Text;
using Microsoft.Win32.SafeHandles;

namespace MlopsBuild.Engine.Terminal;

/// <summary>
/// The process's standard output for a build that draws on a terminal. On Unix, System.Console locks
/// <see cref="Console.Out"/> for every write to a terminal — and Console.Out is the ConsoleRouter, which a target's
/// thread holds while it waits for Spectre's render lock to write a line, so Spectre's refresh thread, holding that
/// lock, would wait for Console.Out in turn. Writing to the file descriptor itself leaves Console.Out out of it.
/// </summary>
internal static class StandardOutput
{
    public static TextWriter ForTerminal() => OperatingSystem.IsWindows()
        ? Console.Out
        : new StreamWriter(new FileStream(new SafeFileHandle(1, ownsHandle: false), FileAccess.Write, bufferSize: 0), new UTF8Encoding(false))
        {
            AutoFlush = true,
        };
}
