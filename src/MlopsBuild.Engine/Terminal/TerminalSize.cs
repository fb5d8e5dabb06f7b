using System.Runtime.InteropServices;

namespace MlopsBuild.Engine.Terminal;

/// <summary>
/// The terminal's columns and rows, read before drawing starts and again whenever the terminal is resized (SIGWINCH).
/// Spectre asks for the size while it holds its render lock, and on Unix <see cref="Console.WindowWidth"/> locks
/// <see cref="Console.Out"/> — which a target's thread holds while it waits for that render lock to write a line.
/// Asked for there, the two would deadlock; so the size is never read while drawing.
/// </summary>
internal static class TerminalSize
{
    static readonly Lock gate = new();
    static PosixSignalRegistration? resized;
    static int columns = 80;
    static int rows = 24;

    public static int Columns => Volatile.Read(ref columns);

    public static int Rows => Volatile.Read(ref rows);

    /// <summary>Reads the size now, and again on every resize; called before anything is drawn.</summary>
    public static void Watch()
    {
        lock (gate)
        {
            Read();
            if (resized is null && !OperatingSystem.IsWindows()) resized = PosixSignalRegistration.Create(PosixSignal.SIGWINCH, _ => Read());
        }
    }

    static void Read()
    {
        Volatile.Write(ref columns, SizeOr(() => Console.WindowWidth, 80));
        Volatile.Write(ref rows, SizeOr(() => Console.WindowHeight, 24));
    }

    static int SizeOr(Func<int> size, int fallback)
    {
        try
        {
            return size() is > 0 and var value ? value : fallback;
        }
        catch (IOException)
        {
            return fallback;
        }
    }
}
