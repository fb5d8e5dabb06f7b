using System.Globalization;

namespace MlopsBuild.Benchmarks.Training;

/// <summary>This process's peak resident memory, resettable so that a phase's own peak can be read (Linux).</summary>
internal static class PeakMemory
{
    /// <summary>Resets the peak to the current resident size ("5" to clear_refs); false where that is not possible.</summary>
    public static bool Reset()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            return true;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    public static double PeakRssMb() => StatusMb("VmHWM:");

    public static double RssMb() => StatusMb("VmRSS:");

    static double StatusMb(string field) =>
        File.ReadLines("/proc/self/status").Where(l => l.StartsWith(field, StringComparison.Ordinal))
            .Select(l => long.Parse(l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture)).Single() / 1024.0;
}
