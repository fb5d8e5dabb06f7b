using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using MlopsBuild.Deployment.Approvals;
using MlopsBuild.Deployment.Rollouts;
using MlopsBuild.Testing.Docker;
using MlopsBuild.Testing.Serving;

namespace MlopsBuild.EndToEnd.Tests;

/// <summary>
/// Deploy, Approve, Promote and Rollback through build.sh, in a copy of a fresh clone, against the real engine and
/// registry: the gate between lab and factory refuses what it must, lets through what it may, and clients calling
/// factory see no failed request while versions switch.
/// </summary>
public sealed class DeploymentPipelineTests : IDisposable
{
    const string Author = "dana"; // who trains: the build records GITHUB_ACTOR as the author
    readonly TemporaryRepository clone = TemporaryRepository.CloneOfSources();
    readonly string service = $"e2e{Guid.NewGuid():N}"[..12];
    readonly int labPort = FreePorts.Block(4);
    readonly int factoryPort = FreePorts.Block(4);
    readonly Dictionary<string, string> keys = [];

    public DeploymentPipelineTests()
    {
        var repository = $"{DockerRequirement.Registry}/mlopsbuild-tests/{service}";
        clone.Write(".nuke/parameters.json", JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["LabPort"] = labPort, ["FactoryPort"] = factoryPort, ["ServiceName"] = service,
            ["LabRepository"] = $"{repository}/lab", ["FactoryRepository"] = $"{repository}/factory",
        }));
        var entries = string.Concat(new[] { "alice", "bob", Author }.Select(NewApprover));
        clone.Write("deploy/approval-policy.yaml", $"required_approvals: 2\nforbid_self_approval: true\napprovers:\n{entries}");
    }

    [DockerFact(NeedsRegistry = true)]
    public async Task A_version_reaches_factory_only_approved_and_healthy_in_lab_and_rolls_back_without_a_failed_request()
    {
        var deployed = Build("Deploy");
        Assert.Contains("lab: serves v1 from the blue slot", deployed.Output);
        var image = Regex.Match(deployed.Output, @"Pushed (\S+@sha256:[0-9a-f]{64})").Groups[1].Value;
        Assert.NotEmpty(image);
        Assert.Contains($"### Package: Image\n\n| | |\n|---|---|\n| Image | `{image}` |\n| Model version | v1 |\n", Summary());
        Assert.Contains($"### Deploy: Deployment to lab\n\n| | |\n|---|---|\n| Environment | lab |\n| Version | v1 (its first deployment) |\n| Image | `{image}` |\n", Summary());
        Assert.Matches(@"\| Time to serving \| \d+\.\d s \|\n", Summary());

        // No approval at all.
        var unapproved = Build("Promote", expectFailure: true);
        Assert.Contains("Promotion of v1 to factory refused:", unapproved.Output);
        Assert.Contains("it is not approved: 0 of 2 required approvals; 2 more needed from: alice, bob; dana authored the training run and may not approve it", unapproved.Output);
        Assert.Contains("Factory still serves nothing.", unapproved.Output);

        // The author alone: Approve refuses to record it, and a record made by hand does not count.
        var self = Build("Approve", expectFailure: true, "--approver", Author, "--approver-key", keys[Author], "--decision", "approve");
        Assert.Contains("dana authored the training run of v1, and deploy/approval-policy.yaml forbids self-approval", self.Output);
        Sign(Author, image, ApprovalDecision.Approve);
        var byAuthor = Build("Promote", expectFailure: true);
        Assert.Contains("approve by dana at", byAuthor.Output);
        Assert.Contains("dana authored the training run and the policy forbids self-approval", byAuthor.Output);

        // One real approval, one forged (alice's record with bob's name), one for another image digest.
        var alice = Build("Approve", "--approver", "alice", "--approver-key", keys["alice"], "--decision", "approve", "--comment", "AUC up, drift none");
        Assert.Contains("Evidence for v1", alice.Output);
        Assert.Matches(@"PASS\s+threshold\s+auc_roc ≥ 0.85\s+0\.8\d+ ≥ 0.85", alice.Output);
        Assert.Contains("Data and drift:", alice.Output);
        Assert.Contains("Lab: healthy: v1 serves from the blue slot", alice.Output);
        Assert.Contains("v1 for factory: 1 of 2 required approvals: alice; 1 more needed from: bob", alice.Output);
        var aliceRecord = Directory.GetFiles(clone.PathOf("deploy/approvals/v1"), "*-alice-approve-*.json").Single();
        File.WriteAllText(clone.PathOf("deploy/approvals/v1/forged-bob.json"), File.ReadAllText(aliceRecord).Replace("\"alice\"", "\"bob\""));
        Sign("bob", image.Replace(image[^8..], "00000000"), ApprovalDecision.Approve);
        var forged = Build("Promote", expectFailure: true);
        Assert.Contains("the signature does not verify with bob's key in the policy: the record was edited or forged", forged.Output);
        Assert.Contains("not this version's sha256:", forged.Output);
        Assert.Contains("it is not approved: 1 of 2 required approvals: alice", forged.Output);

        Build("Approve", "--approver", "bob", "--approver-key", keys["bob"], "--decision", "approve");
        var unreachable = Build("Promote", expectFailure: true, "--factory-repository", "127.0.0.1:1/mlopsbuild-tests/nowhere/factory");
        Assert.Contains("No OCI registry answers at 127.0.0.1:1", unreachable.Output);
        var promoted = Build("Promote");
        Assert.Contains("Copied v1's image to", promoted.Output);
        Assert.Contains("Promoted v1 to factory: serving", promoted.Output);
        Assert.Contains("factory: healthy: v1 serves from the blue slot", Build("Status").Output);

        // A new learning rate changes the predictions: the golden gate rejects v2 until a reviewer approves the new
        // golden file; then v3 passes, is deployed to lab, approved, and promoted while clients call factory.
        var rejected = Build("Deploy", expectFailure: true, "--learning-rate", "0.09");
        Assert.Contains("v2 is rejected: 1 of 13 checks failed: golden predictions match", rejected.Output);
        var refusedRejected = Build("Promote", expectFailure: true, "--version", "v2");
        Assert.Contains("it did not pass its gates: golden", refusedRejected.Output);
        Assert.Contains("it is not what lab serves", refusedRejected.Output);
        File.Move(clone.PathOf("tests/golden/loans-model.received.json"), clone.PathOf("tests/golden/loans-model.verified.json"), overwrite: true);
        var second = Build("Deploy", "--learning-rate", "0.09");
        Assert.Contains("lab: serves v3 from the green slot", second.Output);
        var secondImage = Regex.Match(second.Output, @"Pushed (\S+@sha256:[0-9a-f]{64})").Groups[1].Value;
        Assert.NotEqual(image, secondImage);
        Build("Approve", "--approver", "alice", "--approver-key", keys["alice"], "--decision", "approve");
        var withChampion = Build("Approve", "--approver", "bob", "--approver-key", keys["bob"], "--decision", "approve");
        Assert.Matches(@"Metrics against factory's v1 \(each on its own test rows; the champion gate compares them on shared rows\):\s+metric\s+v1\s+v3\s+change", withChampion.Output);
        var factory = new Uri($"http://127.0.0.1:{factoryPort}/");
        await using var clients = new ClientLoop(factory, await SampleRecordAsync(factory), RouterHeaders.UpstreamLabel);
        var secondPromotion = Build("Promote");
        Assert.Contains("Promoted v3 to factory", secondPromotion.Output);
        Assert.Matches(@"### Promote: Promotion to factory\n\n\| \| \|\n\|---\|---\|\n\| Environment \| factory \|\n\| Version \| v3 \(was v1\) \|\n\| Image \| `\S+/factory@sha256:[0-9a-f]{64}` \|\n[\s\S]*\| Time to serving \| \d+\.\d s \(\d+\.\d s since the target started\) \|\n", Summary());
        Assert.Contains("factory already serves v3", Build("Promote").Output);
        Assert.Contains("### Promote: Promotion to factory\n\nfactory already served v3: nothing was promoted.\n", Summary());
        var rollback = Build("Rollback");
        Assert.Contains("Rolled factory back from v3 to v1", rollback.Output);
        Assert.Contains("### Rollback: Rollback of factory\n\n| | |\n|---|---|\n| Environment | factory |\n| Version | v1 (was v3) |\n", Summary());
        await clients.StopAsync();
        Assert.Empty(clients.Failures);
        Assert.True(clients.Succeeded > 50, $"only {clients.Succeeded} requests answered while factory switched");
        Assert.True(clients.AnsweredBy.ContainsKey("v1") && clients.AnsweredBy.ContainsKey("v3"), string.Join(", ", clients.AnsweredBy));
        Assert.Contains("factory: healthy: v1 serves", Build("Status", "--environment", "factory").Output);

        var unknownVersion = Build("Promote", expectFailure: true, "--version", "v42");
        Assert.Contains("There is no v42 in the model registry", unknownVersion.Output);
        var nothingBefore = Build("Rollback", expectFailure: true);
        Assert.Contains("Factory has served only v1: there is no earlier version to return to", nothingBefore.Output);
        var audit = Build("AuditLog").Output;
        Assert.Matches(@"promote-refused\s+v1[\s\S]*approve\s+v1[\s\S]*promote\s+v1[\s\S]*promote-refused\s+v2[\s\S]*deploy\s+v3[\s\S]*promote\s+v3[\s\S]*rollback\s+v1", audit);
    }

    [DockerFact(NeedsRegistry = true)]
    public void An_unknown_environment_an_unreachable_engine_and_a_broken_policy_are_one_clear_error_each()
    {
        var unknownEnvironment = Build("Status", expectFailure: true, "--environment", "staging");
        Assert.Contains("staging", unknownEnvironment.Output);
        Assert.Contains("Lab, Factory", unknownEnvironment.Output);

        var noEngine = Build("Status", expectFailure: true, "--lab-engine", "unix:///tmp/no-such-engine.sock");
        Assert.Contains("/tmp/no-such-engine.sock", noEngine.Output);

        clone.Write("deploy/approval-policy.yaml", "required_approvals: 3\napprovers: []\n");
        var badPolicy = Build("Approve", expectFailure: true, "--version", "v1");
        Assert.Contains("deploy/approval-policy.yaml", badPolicy.Output);

        foreach (var result in new[] { unknownEnvironment, noEngine, badPolicy })
            Assert.DoesNotContain("   at ", result.Output);
    }

    string Summary() => File.ReadAllText(clone.PathOf("artifacts/summary.md"));

    ProcessResult Build(string target, params string[] arguments) => Build(target, expectFailure: false, arguments);

    ProcessResult Build(string target, bool expectFailure, params string[] arguments)
    {
        var result = clone.BuildShFrom(clone.Root, new Dictionary<string, string> { ["GITHUB_ACTOR"] = Author }, [target, .. arguments]);
        Assert.True(expectFailure ? result.ExitCode != 0 : result.ExitCode == 0, $"{target} {string.Join(' ', arguments)}: {result}");
        return result;
    }

    string NewApprover(string id)
    {
        keys[id] = clone.PathOf($"keys/{id}.pem");
        return ApprovalKeyGenerator.Generate(keys[id], id);
    }

    /// <summary>The sample data's first row as a client sends it: the inputs the served model declares, typed as JSON.</summary>
    async Task<JsonObject> SampleRecordAsync(Uri server)
    {
        using var http = new HttpClient { BaseAddress = server };
        var metadata = JsonNode.Parse(await http.GetStringAsync("v2/models/model"))!;
        var inputs = metadata["inputs"]!.AsArray().Select(input => input!["name"]!.GetValue<string>()).ToHashSet();
        var lines = File.ReadLines(clone.PathOf("data/loans.csv")).Take(2).Select(line => line.Split(',')).ToArray();
        var record = new JsonObject();
        for (var i = 0; i < lines[0].Length; i++)
        {
            if (!inputs.Contains(lines[0][i])) continue;
            var text = lines[1][i];
            record[lines[0][i]] = text is "true" or "false" ? JsonValue.Create(text == "true")
                : double.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var number) ? JsonValue.Create(number)
                : JsonValue.Create(text);
        }
        return record;
    }

    /// <summary>A record about v1 signed with a real key, written straight into the store: what a hand-made or edited record looks like.</summary>
    void Sign(string approver, string image, ApprovalDecision decision)
    {
        using var signer = ApprovalSigner.FromPemFile(keys[approver]);
        var modelDigest = Regex.Match(Build("ModelInfo", "--version", "v1").Output, @"  model: (sha256:[0-9a-f]{64})").Groups[1].Value;
        new ApprovalStore(clone.PathOf("deploy/approvals")).Save(signer.Sign(new ApprovalStatement(
            decision, approver, DateTimeOffset.UtcNow, 1, modelDigest, image[(image.IndexOf('@') + 1)..], "")));
    }

    public void Dispose()
    {
        using (var docker = DockerRequirement.Client())
            foreach (var environment in new[] { "lab", "factory" })
                foreach (var role in new[] { "router", "blue", "green" })
                    docker.RemoveContainerAsync($"{service}-{environment}-{role}").GetAwaiter().GetResult();
        clone.Dispose();
    }
}
