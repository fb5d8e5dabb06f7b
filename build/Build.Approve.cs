using MlopsBuild.Containers.Distribution;
using MlopsBuild.Containers.Engine;
using MlopsBuild.Deployment.Approvals;
using MlopsBuild.Deployment.History;
using MlopsBuild.Deployment.Rollouts;
using MlopsBuild.Engine;
using MlopsBuild.Engine.Definition;
using MlopsBuild.Engine.Parameters;
using MlopsBuild.Engine.Paths;
using MlopsBuild.Quality.Gates;
using MlopsBuild.Registry;
using MlopsBuild.Registry.Audit;
using MlopsBuild.Registry.Versions;

/// <summary>
/// The approval stage: a release manager reads the evidence on a version and signs a decision bound to its model and
/// image digests. Records are files under deploy/approvals/ (commit them, or let CI record the GitHub reviewer's);
/// the committed deploy/approval-policy.yaml says who may approve and how many must.
/// </summary>
partial class Build
{
    [Parameter("The approval policy: who may approve a version for factory, and how many must")]
    readonly AbsolutePath Policy = RootDirectory / "deploy" / "approval-policy.yaml";

    [Parameter("Where signed approval records are kept, a folder per version")]
    readonly AbsolutePath ApprovalRecords = RootDirectory / "deploy" / "approvals";

    [Parameter("Approve: your identity as the policy lists it (default: the user running the build)")]
    readonly string? Approver = null;

    [Parameter("Approve: the path of your private key (PEM)")]
    readonly string? ApproverKey = null;

    [Parameter("Approve: approve or reject (asked for when run in a terminal)")]
    readonly ApprovalDecision? Decision = null;

    [Parameter("Approve: why, in a sentence, kept in the signed record")]
    readonly string Comment = "";

    [Parameter("CreateApproverKey: where to write the new private key")]
    readonly string? KeyFile = null;

    Target Approve => _ => _
        .Description("Shows the evidence on a version (--version, default: what lab serves) and records your signed approval or rejection for factory")
        .Executes(() => FailClearlyAsync(async () =>
        {
            var policy = ApprovalPolicyFile.Load(Policy);
            var registry = OpenRegistry();
            var version = VersionToRelease(registry);
            var approverId = Approver ?? Actor;
            var approver = policy.Find(approverId)
                ?? throw new BuildFailedException($"'{approverId}' is not an approver in {Display(Policy)}: pass --approver with your id there, or ask for your key to be added to the policy");
            if (policy.ForbidSelfApproval && approver.IsIdentifiedBy(version.Lineage.CreatedBy))
                throw new BuildFailedException($"{approver.Id} authored the training run of {version.Label}, and {Display(Policy)} forbids self-approval: another release manager must approve it");
            using var signer = ApprovalSigner.FromPemFile(ApproverKey
                ?? throw new BuildFailedException($"No approver key: pass --approver-key PATH or set {ApprovalSigner.KeyEnvironmentVariable} to your private key (./build.sh CreateApproverKey makes one)"));
            if (signer.PublicKey != approver.PublicKey)
                throw new BuildFailedException($"The key {ApproverKey} is not {approver.Id}'s: its public half is not the one {Display(Policy)} lists for {approver.Id}");

            using var docker = new DockerClient(Lab.Engine);
            var lab = await EnvironmentInspector.InspectAsync(docker, Lab);
            var image = lab.Label == version.Label && lab.Image is { } served ? ImageDigestReference.Parse(served) : PackagedImage(registry.Audit(), version);
            var modelDigest = version.Artifacts[ModelArtifact].Sha256;
            PrintEvidence(registry, version, lab, image, modelDigest);

            var decision = Decision ?? AskDecision(version);
            var statement = new ApprovalStatement(decision, approver.Id, DateTimeOffset.UtcNow, version.Number, modelDigest, image.Digest, Comment);
            var store = new ApprovalStore(ApprovalRecords);
            var file = store.Save(signer.Sign(statement));
            var verb = decision == ApprovalDecision.Approve ? "approval" : "rejection";
            registry.Append(new AuditEvent(decision == ApprovalDecision.Approve ? DeploymentAudit.Approve : DeploymentAudit.Reject, version.Number, Comment,
                new Dictionary<string, string> { ["approver"] = approver.Id, [DeploymentAudit.ImageKey] = image.ToString(), ["model"] = modelDigest, ["record"] = Display(AbsolutePath.Create(file)) }));
            Console.WriteLine($"Recorded {approver.Id}'s signed {verb} of {version.Label} in {Display(AbsolutePath.Create(file))}.");
            var check = ApprovalVerifier.Check(policy, store.ListFor(version.Number), version.Number, version.Lineage.CreatedBy, modelDigest, image.Digest, DateTimeOffset.UtcNow);
            Console.WriteLine($"{version.Label} for factory: {check.Verdict}");
            Note(verb, $"{version.Label} by {approver.Id}");
        }));

    Target CreateApproverKey => _ => _
        .Description("Creates a release manager's key pair (--approver ID --key-file PATH) and prints the policy entry to add")
        .Requires(() => Approver)
        .Requires(() => KeyFile)
        .Executes(() => FailClearly(() =>
        {
            var entry = ApprovalKeyGenerator.Generate(KeyFile!, Approver!);
            Console.WriteLine($"Wrote {Approver}'s private key to {KeyFile} (mode 0600): keep it to yourself, and set {ApprovalSigner.KeyEnvironmentVariable}={KeyFile} when you approve.");
            Console.WriteLine($"Add this under 'approvers:' in {Display(Policy)} and commit it:");
            Console.Write(entry);
        }));

    Target CreateAttestationKey => _ => _
        .Description("Creates the factory GitHub environment's attestation key pair (--key-file PATH) and prints the policy section to add")
        .Requires(() => KeyFile)
        .Executes(() => FailClearly(() =>
        {
            var section = ApprovalKeyGenerator.GenerateGitHubEnvironmentKey(KeyFile!, Factory.Name);
            Console.WriteLine($"Wrote the private key to {KeyFile} (mode 0600): paste its text as the secret MLOPS_GITHUB_ATTESTATION_KEY of the '{Factory.Name}' environment on GitHub, then delete the file.");
            Console.WriteLine($"Add this to {Display(Policy)}, give each approver their github_login, and commit it:");
            Console.Write(section);
        }));

    /// <summary>What a release manager should see before deciding: gates, metrics against factory's model, data and drift, lab's health.</summary>
    void PrintEvidence(ModelRegistry registry, ModelVersion version, EnvironmentStatus lab, ImageDigestReference image, string modelDigest)
    {
        Console.WriteLine($"Evidence for {version.Label}: registered {version.RegisteredAt:u} by {version.RegisteredBy}, trained by {version.Lineage.CreatedBy} ({version.Lineage.Trainer}, commit {version.Lineage.Git?.Commit?[..Math.Min(8, version.Lineage.Git.Commit.Length)] ?? "unknown"})");
        Console.WriteLine($"  model {modelDigest}");
        Console.WriteLine($"  image {image}");
        Console.WriteLine(version.Accepted ? "Gates: all passed" : $"Gates: FAILED — {string.Join("; ", version.RejectionReasons)}");
        PrintTable(["", "kind", "check", "result"], version.Checks.Where(c => c.Kind != CheckKinds.Data)
            .Select(c => (string[])[c.Passed ? "PASS" : "FAIL", c.Kind, c.Name, c.Reason]));
        Console.WriteLine("Data and drift:");
        foreach (var check in version.Checks.Where(c => c.Kind == CheckKinds.Data)) Console.WriteLine($"  {(check.Passed ? "PASS" : "FAIL")} {check.Name}: {check.Reason}");

        var champion = registry.TryResolveAlias(FactoryAlias);
        if (champion is not null && champion.Number != version.Number)
        {
            // Registered metrics come from each model's own test rows; the champion gate above compared the two on the
            // rows both held out. Say so, so that the table is not read as a like-for-like comparison.
            Console.WriteLine($"Metrics against factory's {champion.Label} (each on its own test rows; the champion gate compares them on shared rows):");
            PrintTable(["metric", champion.Label, version.Label, "change"], registry.Compare(champion.Number, version.Number).Metrics.Select(m => (string[])
                [m.Name, Optional(m.A), Optional(m.B), m.Delta is { } delta ? (delta >= 0 ? "+" : "") + Number(delta) : "-"]));
        }
        else
        {
            Console.WriteLine("Metrics (test):" + (champion is null ? " factory serves no model yet" : ""));
            foreach (var (name, value) in version.Metrics) Console.WriteLine($"  {name}: {Number(value)}");
        }
        Console.WriteLine($"Lab: {(lab.Healthy ? "healthy" : "NOT healthy")}: {lab.Summary}");
    }

    static ApprovalDecision AskDecision(ModelVersion version)
    {
        if (IsServerBuild || Console.IsInputRedirected)
            throw new BuildFailedException("Pass --decision approve or --decision reject (and --comment): there is no terminal to ask in");
        while (true)
        {
            Console.Write($"Approve {version.Label} for factory? [approve/reject/abort] ");
            switch (Console.ReadLine()?.Trim().ToLowerInvariant())
            {
                case "approve": return ApprovalDecision.Approve;
                case "reject": return ApprovalDecision.Reject;
                case "abort" or null: throw new BuildFailedException($"Aborted: nothing was recorded for {version.Label}");
            }
        }
    }
}
