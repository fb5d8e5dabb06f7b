using MlopsBuild.Registry.Tests.CrashHelper;

namespace MlopsBuild.Registry.Tests;

/// <summary>
/// The test runner never calls this; <c>dotnet exec MlopsBuild.Registry.Tests.dll register-loop DIR</c> does, to get a
/// separate process that writes to a registry until it is killed.
/// </summary>
public static class Program
{
    public static int Main(string[] args) =>
        args is [RegisterLoop.Command, var directory] ? RegisterLoop.Run(directory) : 2;
}
