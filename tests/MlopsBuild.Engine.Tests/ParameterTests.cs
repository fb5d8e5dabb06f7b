using MlopsBuild.Engine.Definition;
using MlopsBuild.Engine.Parameters;
using MlopsBuild.Engine.Paths;
using MlopsBuild.Engine.Tests.Support;

namespace MlopsBuild.Engine.Tests;

public sealed class ParameterTests : IDisposable
{
    readonly BuildSandbox sandbox = new();

    public void Dispose() => sandbox.Dispose();

    public enum Trainer { Gbdt, Linear }

    class Typed : PipelineBuild
    {
        [Parameter("Number of trees")] readonly int Trees = 200;
        [Parameter("Learning rate")] readonly double LearningRate = 0.1;
        [Parameter("Trainer")] readonly Trainer Trainer = Trainer.Gbdt;
        [Parameter("Data file")] readonly AbsolutePath Data = RootDirectory / "data" / "default.csv";
        [Parameter("Regions")] readonly string[] Regions = ["north"];
        [Parameter("Dry run")] readonly bool DryRun = false;
        [Parameter("Host name")] readonly string? Host = null;

        Target Show => _ => _.Executes(() =>
        {
            Console.WriteLine($"Trees={Trees} LearningRate={LearningRate.ToString(System.Globalization.CultureInfo.InvariantCulture)} Trainer={Trainer}");
            Console.WriteLine($"Data={Data.RelativeTo(RootDirectory)} Regions={string.Join("+", Regions)} DryRun={DryRun} Host={Host ?? "(none)"}");
        });
    }

    [Fact]
    public void Defaults_hold_when_nothing_sets_a_parameter()
    {
        var result = sandbox.Run<Typed>("Show");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Trees=200 LearningRate=0.1 Trainer=Gbdt", result.Output);
        Assert.Contains("Data=data/default.csv Regions=north DryRun=False Host=(none)", result.Output);
    }

    [Fact]
    public void Command_line_values_are_converted_to_each_type()
    {
        var result = sandbox.Run<Typed>("Show", "--trees", "50", "--learning-rate", "0.25", "--trainer", "linear",
            "--data", "other/x.csv", "--regions", "east", "west", "--dry-run");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Trees=50 LearningRate=0.25 Trainer=Linear", result.Output);
        Assert.Contains("Data=other/x.csv Regions=east+west DryRun=True", result.Output);
    }

    [Fact]
    public void The_command_line_beats_the_environment_which_beats_profiles_which_beat_parameters_json()
    {
        sandbox.Write(".nuke/parameters.json", """{ "$schema": "./build.schema.json", "Trees": 10, "LearningRate": 0.5, "Trainer": "Linear", "Regions": ["a", "b"] }""");
        sandbox.Write(".nuke/parameters.ci.json", """{ "Trees": 20, "LearningRate": 0.6 }""");
        sandbox.Environment["MLOPS_TREES"] = "30";

        var result = sandbox.Run<Typed>("Show", "--profile", "ci", "--trees", "40");
        Assert.Contains("Trees=40 LearningRate=0.6 Trainer=Linear", result.Output);
        Assert.Contains("Regions=a+b", result.Output);

        Assert.Contains("Trees=30 LearningRate=0.6", sandbox.Run<Typed>("Show", "--profile", "ci").Output);
        sandbox.Environment.Remove("MLOPS_TREES");
        Assert.Contains("Trees=20 LearningRate=0.6", sandbox.Run<Typed>("Show", "--profile", "ci").Output);
        Assert.Contains("Trees=10 LearningRate=0.5", sandbox.Run<Typed>("Show").Output);
    }

    [Fact]
    public void Environment_variables_bind_only_with_the_prefix()
    {
        sandbox.Environment["HOST"] = "unprefixed-host";
        sandbox.Environment["TREES"] = "7";
        sandbox.Environment["MLOPS_REGIONS"] = "x, y";
        sandbox.Environment["MLOPS_DRY_RUN"] = "yes";

        var result = sandbox.Run<Typed>("Show");

        Assert.Contains("Trees=200", result.Output);
        Assert.Contains("Regions=x+y DryRun=True Host=(none)", result.Output);
    }

    [Fact]
    public void An_empty_environment_variable_is_unset_as_CI_passes_an_input_or_secret_nobody_gave()
    {
        sandbox.Write(".nuke/parameters.json", """{ "Trees": 10 }""");
        sandbox.Environment["MLOPS_TREES"] = "";
        sandbox.Environment["MLOPS_HOST"] = "";
        sandbox.Environment["MLOPS_DRY_RUN"] = "";

        var result = sandbox.Run<Typed>("Show");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Trees=10", result.Output);
        Assert.Contains("DryRun=False Host=(none)", result.Output);
    }

    [EnvironmentPrefix("ACME")]
    class Prefixed : PipelineBuild
    {
        [Parameter] readonly int Trees = 1;
        Target Show => _ => _.Executes(() => Console.WriteLine($"Trees={Trees}"));
    }

    [Fact]
    public void The_prefix_can_be_chosen_per_build()
    {
        sandbox.Environment["MLOPS_TREES"] = "2";
        sandbox.Environment["ACME_TREES"] = "3";

        Assert.Contains("Trees=3", sandbox.Run<Prefixed>("Show").Output);
    }

    [Theory]
    [InlineData(new[] { "--trees", "many" }, "Parameter Trees (--trees): 'many' is not valid. It expects a whole number.")]
    [InlineData(new[] { "--learning-rate", "0,1" }, "Parameter LearningRate (--learning-rate): '0,1' is not valid. It expects a number (with '.' as decimal point).")]
    [InlineData(new[] { "--trainer", "gdbt" }, "Parameter Trainer (--trainer): 'gdbt' is not valid. Did you mean 'Gbdt'? It expects one of Gbdt, Linear.")]
    [InlineData(new[] { "--trees" }, "Parameter Trees (--trees): the value is missing. It expects a whole number.")]
    [InlineData(new[] { "--trees", "1", "2" }, "Parameter Trees (--trees): 2 values were given but it takes one. It expects a whole number.")]
    [InlineData(new[] { "--tres", "1" }, "Unknown option '--tres'. Did you mean '--trees'?")]
    [InlineData(new[] { "--trees", "1", "--trees", "2" }, "The option '--trees' is given twice")]
    public void A_bad_command_line_value_is_one_clear_error(string[] arguments, string expected)
    {
        var result = sandbox.Run<Typed>(["Show", .. arguments]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("error: " + expected, result.Output);
        Assert.DoesNotContain("   at ", result.Output);
        Assert.DoesNotContain("Trees=", result.Output);
    }

    [Fact]
    public void A_bad_environment_value_names_the_variable()
    {
        sandbox.Environment["MLOPS_DRY_RUN"] = "perhaps";

        var result = sandbox.Run<Typed>("Show");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("error: Parameter DryRun (environment variable MLOPS_DRY_RUN): 'perhaps' is not valid. It expects true or false.", result.Output);
    }

    [Fact]
    public void Malformed_parameters_json_names_the_file_line_and_column()
    {
        sandbox.Write(".nuke/parameters.json", "{\n  \"Trees\": 10,\n  \"Trainer\" \"Linear\"\n}");

        var result = sandbox.Run<Typed>("Show");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("error: .nuke/parameters.json(3,", result.Output);
        Assert.Contains("not valid JSON", result.Output);
    }

    [Fact]
    public void Parameters_json_saved_in_another_encoding_names_the_first_foreign_byte()
    {
        sandbox.Write(".nuke/parameters.json", "");
        File.WriteAllBytes(sandbox.PathOf(".nuke/parameters.json"), [.. "{\n  \"Approver\": \"Jos"u8, 0xE9, .. "\"\n}"u8]);   // "é" in Latin-1

        var result = sandbox.Run<Typed>("Show");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("error: .nuke/parameters.json(2,19): byte 0xE9 is not UTF-8. Save the file as UTF-8.", result.Output);
    }

    [Fact]
    public void Half_a_surrogate_pair_in_parameters_json_names_its_entry()
    {
        sandbox.Write(".nuke/parameters.json", "{\n  \"Trees\": 10,\n  \"Trainer\": \"Lin\\ud800ear\"\n}");

        var result = sandbox.Run<Typed>("Show");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("error: .nuke/parameters.json(3,14): a \\u escape in this entry is half of a surrogate pair.", result.Output);
    }

    [Fact]
    public void An_unknown_key_in_parameters_json_is_an_error_with_its_position_and_the_closest_name()
    {
        sandbox.Write(".nuke/parameters.json", "{\n  \"Trees\": 10,\n  \"Trainr\": \"Linear\"\n}");

        var result = sandbox.Run<Typed>("Show");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("error: .nuke/parameters.json(3,3): unknown parameter 'Trainr'. Did you mean 'Trainer'?", result.Output);
    }

    [Fact]
    public void A_bad_value_in_a_file_names_the_file_and_line()
    {
        sandbox.Write(".nuke/parameters.json", "{\n  \"Trees\": \"lots\"\n}");

        var result = sandbox.Run<Typed>("Show");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("error: Parameter Trees (.nuke/parameters.json(2,3)): 'lots' is not valid.", result.Output);
    }

    [Fact]
    public void A_missing_profile_lists_the_profiles_there_are()
    {
        sandbox.Write(".nuke/parameters.ci.json", "{}");
        sandbox.Write(".nuke/parameters.local.json", "{}");

        var result = sandbox.Run<Typed>("Show", "--profile", "prod");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("error: Profile 'prod' not found: there is no .nuke/parameters.prod.json. Profiles here: ci, local.", result.Output);
    }

    class Required : PipelineBuild
    {
        [Parameter, Secret("Registry password")] readonly string? RegistryPassword = null;
        [Parameter] readonly bool Approved = false;

        Target Prepare => _ => _.Executes(() => Console.WriteLine("ran Prepare"));
        Target Push => _ => _.DependsOn(Prepare).Requires(() => RegistryPassword).Executes(() => Console.WriteLine("ran Push"));
        Target Promote => _ => _.DependsOn(Push).Requires(() => Approved).Executes(() => Console.WriteLine("ran Promote"));
    }

    [Fact]
    public void A_missing_required_parameter_stops_the_build_before_any_target_runs()
    {
        var result = sandbox.Run<Required>("Promote");

        Assert.Equal(2, result.ExitCode);
        Assert.Empty(result.Ran());
        Assert.Contains("error: Target Push requires the parameter RegistryPassword: pass --registry-password, set MLOPS_REGISTRY_PASSWORD, or add \"RegistryPassword\" to .nuke/parameters.json.", result.Output);
        Assert.Contains("error: Target Promote requires the parameter Approved: pass --approved,", result.Output);
    }

    [Fact]
    public void Requirements_of_skipped_targets_are_not_checked()
    {
        var result = sandbox.Run<Required>("Promote", "--skip", "Push", "--approved");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["Prepare", "Promote"], result.Ran());
    }

    [Fact]
    public void Help_lists_targets_with_dependencies_and_parameters_with_types_defaults_and_variables()
    {
        var help = sandbox.Run<Typed>("--help").Output;

        Assert.Contains("  --trees <int>", help);
        Assert.Contains("Number of trees [default: 200] (env MLOPS_TREES)", help);
        Assert.Contains("  --trainer <Gbdt|Linear>", help);
        Assert.Contains("  --regions <text>...", help);
        Assert.Contains("  --learning-rate <number>", help);
        Assert.Contains("Data file [default: data/default.csv]", help);

        var required = sandbox.Run<Required>("--help").Output;
        Assert.Contains("  Promote  → Push", required);
    }

    [Fact]
    public void Kebab_case_names_split_words_and_acronyms()
    {
        Assert.Equal("registry-password", ParameterMember.Kebab("RegistryPassword"));
        Assert.Equal("url-prefix", ParameterMember.Kebab("URLPrefix"));
        Assert.Equal("max-parallel", ParameterMember.Kebab("MaxParallel"));
        Assert.Equal("auc2-threshold", ParameterMember.Kebab("Auc2Threshold"));
    }
}
