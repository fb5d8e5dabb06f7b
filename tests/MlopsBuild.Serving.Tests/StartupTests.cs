using System.Diagnostics;

namespace MlopsBuild.Serving.Tests;

/// <summary>The real process: a model it cannot load is one line on stderr and exit code 2, no stack trace.</summary>
[Collection(SampleModelCollection.Name)]
public sealed class StartupTests(SampleModel sample)
{
    [Fact]
    public void A_damaged_model_file_is_one_clear_message_and_exit_code_2()
    {
        var damaged = sample.TemporaryFile("damaged.mlmodel");
        var bytes = File.ReadAllBytes(sample.Path);
        bytes[^10] ^= 0xFF;
        File.WriteAllBytes(damaged, bytes);

        var (exitCode, error) = Run("--model", damaged, "--port", "1");

        Assert.Equal(2, exitCode);
        Assert.Contains(damaged, error);
        Assert.DoesNotContain("   at ", error);
    }

    [Fact]
    public void A_missing_model_file_names_the_path_and_the_option()
    {
        var (exitCode, error) = Run("--model", sample.TemporaryFile("nowhere.mlmodel"), "--port", "1");

        Assert.Equal(2, exitCode);
        Assert.Contains("nowhere.mlmodel", error);
        Assert.Contains("--model", error);
    }

    [Fact]
    public void No_model_setting_says_how_to_give_one()
    {
        var (exitCode, error) = Run("--port", "1");

        Assert.Equal(2, exitCode);
        Assert.Contains("MLOPS_MODEL", error);
    }

    [Fact]
    public void A_bad_sample_rate_is_refused_with_its_range()
    {
        var (exitCode, error) = Run("--model", sample.Path, "--prediction-log-sample-rate", "2");

        Assert.Equal(2, exitCode);
        Assert.Contains("--prediction-log-sample-rate", error);
    }

    static (int ExitCode, string Error) Run(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true };
        start.ArgumentList.Add(typeof(Program).Assembly.Location);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment.Remove("MLOPS_MODEL");
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(60_000))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("The server did not exit: it should refuse to start.");
        }
        return (process.ExitCode, error.Result);
    }
}
