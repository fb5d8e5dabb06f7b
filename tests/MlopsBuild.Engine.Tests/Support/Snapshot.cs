using System.Runtime.CompilerServices;

namespace MlopsBuild.Engine.Tests.Support;

/// <summary>
/// Approved-file assertions in Verify's convention: <c>{Class}.{Method}.verified.{ext}</c> is committed next to the
/// test; on a mismatch the actual text is written to <c>.received.{ext}</c> beside it for review, and the test fails.
/// </summary>
public static class Snapshot
{
    public static void Verify(string actual, string extension, [CallerMemberName] string test = "", [CallerFilePath] string sourceFile = "")
    {
        var directory = Path.GetDirectoryName(TestSources.PathOf(sourceFile))!;
        var prefix = Path.Combine(directory, $"{Path.GetFileNameWithoutExtension(sourceFile)}.{test}");
        var verified = $"{prefix}.verified.{extension}";
        var received = $"{prefix}.received.{extension}";
        var normalised = actual.Replace("\r\n", "\n");
        if (File.Exists(verified) && File.ReadAllText(verified).Replace("\r\n", "\n") == normalised)
        {
            File.Delete(received);
            return;
        }
        File.WriteAllText(received, normalised);
        Assert.Fail($"The output differs from {Path.GetFileName(verified)}. Review {received} and, if it is right, rename it to .verified.{extension}.");
    }
}
