using MlopsBuild.Registry.Tests.Support;

namespace MlopsBuild.Registry.Tests.CrashHelper;

/// <summary>Registers versions and moves the 'lab' alias to each, forever, printing each finished version number.</summary>
internal static class RegisterLoop
{
    public const string Command = "register-loop";

    public static int Run(string directory)
    {
        var files = Path.Combine(directory, "..", "loop-files");
        var registry = ModelRegistry.Open(directory, "loop");
        for (var i = 1; ; i++)
        {
            var version = registry.Register(Requests.Accepted(files, $"model {i}", ("auc", 0.5 + i % 100 / 200.0)));
            registry.SetAlias("lab", version.Number, $"loop {i}");
            Console.WriteLine(version.Number);
            Console.Out.Flush();
        }
    }
}
