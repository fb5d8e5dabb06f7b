using MlopsBuild.Engine.Definition;
using MlopsBuild.Engine.Output;
using MlopsBuild.Engine.Parameters;
using MlopsBuild.Engine.Tests.Support;

namespace MlopsBuild.Engine.Tests;

public sealed class SecretTests : IDisposable
{
    const string Password = "s3cr3t-Pa55word";
    readonly BuildSandbox sandbox = new();

    public void Dispose() => sandbox.Dispose();

    class Leaky : PipelineBuild
    {
        [Parameter, Secret("Registry password")] readonly string? RegistryPassword = null;
        [Parameter] readonly string User = "ci";

        Target Push => _ => _.Executes(() =>
        {
            Console.WriteLine($"login {User}:{RegistryPassword}");
            Console.Error.WriteLine($"stderr {RegistryPassword}");
            Note("credentials", $"{User}/{RegistryPassword}");
            throw new BuildFailedException($"registry refused {RegistryPassword}");
        });
    }

    [Fact]
    public void A_secret_never_appears_in_the_log_the_summary_or_the_manifest()
    {
        sandbox.Environment["MLOPS_REGISTRY_PASSWORD"] = Password;

        var result = sandbox.Run<Leaky>("Push");

        Assert.Equal(1, result.ExitCode);
        Assert.DoesNotContain(Password, result.Output);
        Assert.Contains("login ci:****", result.Output);
        Assert.Contains("stderr ****", result.Output);
        Assert.Contains("credentials: ci/****", result.Output);
        Assert.Contains("registry refused ****", result.Output);
        Assert.DoesNotContain(Password, result.Manifest);
        Assert.Contains("\"RegistryPassword\": \"****\"", result.Manifest);
    }

    [Fact]
    public void On_GitHub_Actions_the_secret_is_registered_with_add_mask_before_anything_else()
    {
        sandbox.Environment["MLOPS_REGISTRY_PASSWORD"] = Password;
        sandbox.Environment["GITHUB_ACTIONS"] = "true";

        var result = sandbox.Run<Leaky>("Push");

        var lines = result.Output.Replace("\r", "").Split('\n');
        Assert.Equal($"::add-mask::{Password}", lines[0]);
        Assert.Single(lines, l => l.Contains(Password));
    }

    const string Pem = "-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEIK3xq9Zr0lQp8X\nAwEHoUQDQgAEvB6u5Tm2\n-----END EC PRIVATE KEY-----\n";

    class PemLeaky : PipelineBuild
    {
        [Parameter, Secret] readonly string? SigningKey = null;

        // A tool that logs a key as it reads it: line by line, so no line holds the whole value.
        Target Sign => _ => _.Executes(() =>
        {
            foreach (var line in SigningKey!.Split('\n')) Console.WriteLine($"read: {line}");
        });
    }

    [Fact]
    public void Each_line_of_a_multi_line_secret_is_masked_where_it_is_printed_alone()
    {
        sandbox.Environment["MLOPS_SIGNING_KEY"] = Pem;
        sandbox.Environment["GITHUB_ACTIONS"] = "true";

        var result = sandbox.Run<PemLeaky>("Sign");

        Assert.Equal(0, result.ExitCode);
        var printed = result.Output.Replace("\r", "").Split('\n').Where(l => !l.StartsWith("::add-mask::", StringComparison.Ordinal)).ToList();
        foreach (var line in Pem.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            Assert.Contains($"::add-mask::{line}", result.Output);
            Assert.DoesNotContain(printed, l => l.Contains(line));
        }
        Assert.Equal(4, printed.Count(l => l == "read: ****"));
    }

    [Fact]
    public void Short_lines_of_a_multi_line_secret_are_not_masked_on_their_own()
    {
        Assert.Equal(["ab\ncdefghijkl\n}", "cdefghijkl"], SecretMasker.PartsOf("ab\ncdefghijkl\n}"));
        Assert.Equal(["single-line-value"], SecretMasker.PartsOf("single-line-value"));
    }

    [Fact]
    public void Help_says_a_secret_is_set_without_showing_it()
    {
        var help = sandbox.Run<Leaky>("--help", "--registry-password", Password).Output;

        Assert.DoesNotContain(Password, help);
        Assert.Contains("Registry password [now: set]", help);
    }

    class SecretInput : PipelineBuild
    {
        [Parameter, Secret] readonly string Token = "t0ken-value";
        Target Fetch => _ => _.Inputs(Value(Token)).Executes(() => { });
    }

    [Fact]
    public void A_secret_cannot_be_an_up_to_date_input_because_the_lock_file_is_committed()
    {
        var result = sandbox.Run<SecretInput>("Fetch");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("error: Target Fetch declares the secret parameter Token as an input", result.Output);
        Assert.False(File.Exists(sandbox.PathOf(".nuke/build.lock.json")));
    }
}
