using YamlDotNet.RepresentationModel;

namespace MlopsBuild.EndToEnd.Tests;

/// <summary>
/// One job of a committed workflow, as a runner would run it: the jobs it needs, what it downloads from the job
/// before, its shell steps (with their env), and the paths it uploads for the next job. Steps that `uses:` an action
/// other than the artifact hand-off (checkout, cache) have no local counterpart: the test's clone is the checkout.
/// </summary>
public sealed record WorkflowJob(string Id, string? Needs, IReadOnlyList<WorkflowStep> Runs, IReadOnlyList<string> Uploads, string? Condition)
{
    /// <summary>The workflow's jobs, each after the one it needs.</summary>
    public static IReadOnlyList<WorkflowJob> Read(string path)
    {
        var yaml = new YamlStream();
        using (var reader = new StreamReader(path)) yaml.Load(reader);
        var jobs = (YamlMappingNode)((YamlMappingNode)yaml.Documents[0].RootNode)["jobs"];
        var all = jobs.Children.Select(job => Parse(((YamlScalarNode)job.Key).Value!, (YamlMappingNode)job.Value)).ToList();
        var ordered = new List<WorkflowJob>();
        while (ordered.Count < all.Count)
            ordered.Add(all.First(job => !ordered.Contains(job) && (job.Needs is null || ordered.Any(o => o.Id == job.Needs))));
        return ordered;
    }

    static WorkflowJob Parse(string id, YamlMappingNode job)
    {
        var runs = new List<WorkflowStep>();
        var uploads = new List<string>();
        foreach (var step in ((YamlSequenceNode)job["steps"]).Cast<YamlMappingNode>())
        {
            if (Text(step, "run") is { } run)
                runs.Add(new WorkflowStep(run, step.Children.TryGetValue("env", out var env)
                    ? ((YamlMappingNode)env).Children.ToDictionary(e => ((YamlScalarNode)e.Key).Value!, e => ((YamlScalarNode)e.Value).Value!)
                    : new Dictionary<string, string>()));
            else if (Text(step, "uses") is { } uses && uses.StartsWith("actions/upload-artifact@", StringComparison.Ordinal))
                uploads.AddRange(Text((YamlMappingNode)step["with"], "path")!.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        }
        return new WorkflowJob(id, Text(job, "needs"), runs, uploads, Text(job, "if"));
    }

    static string? Text(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(key, out var value) && value is YamlScalarNode scalar ? scalar.Value : null;
}

public sealed record WorkflowStep(string Run, IReadOnlyDictionary<string, string> Environment);
