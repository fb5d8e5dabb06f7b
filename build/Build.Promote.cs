using System.Diagnostics;
using MlopsBuild.Containers.Distribution;
using MlopsBuild.Containers.Engine;
using MlopsBuild.Deployment.Approvals;
using MlopsBuild.Deployment.GitHub;
using MlopsBuild.Deployment.History;
using MlopsBuild.Deployment.Rollouts;
using MlopsBuild.Engine;
using MlopsBuild.Engine.Definition;
using MlopsBuild.Engine.Parameters;
using MlopsBuild.Registry;
using MlopsBuild.Registry.Audit;
using MlopsBuild.Registry.Versions;

/// <summary>
/// The factory stage: a version reaches production only as the image lab ran (copied by digest, never rebuilt), only
/// with its gates passed, healthy in lab and approved per the policy; and it can be rolled back in one command.
/// </summary>
partial class Build
{
    [Parameter("Promote on GitHub Actions: the attestation key of the factory environment (PEM text or a path), which signs the approvals of its reviewers", Name = "GithubAttestationKey"), Secret]
    readonly string? AttestationKey = null;

    Target Promote => _ => _
        .Description("Promotes a version (--version, default: what lab serves) to factory: refused unless it passed its gates, is healthy in lab and holds the approvals the policy asks for")
        .Executes(() => FailClearlyAsync(async () =>
        {
            var clock = Stopwatch.StartNew();
            var registry = OpenRegistry();
            using var _ = registry.HoldLock();
            var version = VersionToRelease(registry);
            if (registry.TryResolveAlias(FactoryAlias)?.Number == version.Number && await AlreadyServesAsync(Factory, version))
            {
                ReportSection("Promotion to factory", $"factory already served {version.Label}: nothing was promoted.\n");
                return;
            }
            var image = await PromotableImageAsync(registry, version);

            image = await CopyToFactoryAsync(image, version);
            Console.WriteLine($"Copied {version.Label}'s image to {image}: the digest lab ran, byte for byte.");

            var outcome = await DeployToFactoryAsync(registry, version, image, DeploymentAudit.Promote);
            registry.SetAlias(FactoryAlias, version.Number, $"promoted {image}");
            registry.Append(DeploymentAudit.Deployed(DeploymentAudit.Promote, version.Number, outcome, $"{version.Label} to factory"));
            Console.WriteLine($"Promoted {version.Label} to factory: serving {clock.Elapsed.TotalSeconds:0.0} s after Promote started ({outcome.TimeToServing.TotalSeconds:0.0} s of it the blue/green deployment).");
            Note("factory", $"{version.Label} on {Factory.PublicAddress}");
            Note("to serving", Seconds(clock.Elapsed));
            ReportSection("Promotion to factory", DeploymentReport(outcome, clock.Elapsed));
        }));

    Target Rollback => _ => _
        .Description("Returns factory to the version it served before the current one (from the audit log), with the same health checks")
        .Executes(() => FailClearlyAsync(async () =>
        {
            var registry = OpenRegistry();
            using var _ = registry.HoldLock();
            var audit = registry.Audit();
            var current = registry.TryResolveAlias(FactoryAlias)
                ?? throw new BuildFailedException("Factory serves no promoted version: there is nothing to roll back");
            var previous = PromotionHistory.Previous(audit, Factory.Name) is { } number ? registry.Get(number)
                : throw new BuildFailedException($"Factory has served only {current.Label}: there is no earlier version to return to");
            var image = await CopyToFactoryAsync(PackagedImage(audit, previous), previous);

            var outcome = await DeployToFactoryAsync(registry, previous, image, DeploymentAudit.Rollback);
            registry.SetAlias(FactoryAlias, previous.Number, $"rolled back from {current.Label}");
            registry.Append(DeploymentAudit.Deployed(DeploymentAudit.Rollback, previous.Number, outcome, $"factory from {current.Label} to {previous.Label}"));
            Console.WriteLine($"Rolled factory back from {current.Label} to {previous.Label} ({image}).");
            Note("factory", $"{previous.Label} (was {current.Label})");
            ReportSection("Rollback of factory", DeploymentReport(outcome));
        }));

    /// <summary>
    /// The image <paramref name="version"/> may be promoted as, or the build fails with every reason it may not: its
    /// gates, its health in lab (it must be what lab serves, and answer), and approvals for exactly its digests.
    /// A refusal is audit-logged.
    /// </summary>
    async Task<ImageDigestReference> PromotableImageAsync(ModelRegistry registry, ModelVersion version)
    {
        var refusals = new List<string>();
        if (!version.Accepted) refusals.Add($"it did not pass its gates: {string.Join("; ", version.RejectionReasons)}");

        using var docker = new DockerClient(Lab.Engine);
        var lab = await EnvironmentInspector.InspectAsync(docker, Lab);
        ImageDigestReference? image = null;
        if (lab.Label != version.Label) refusals.Add($"it is not what lab serves ({lab.Summary}): deploy it to lab first (./build.sh Deploy)");
        else if (!lab.Healthy) refusals.Add($"it is not healthy in lab: {lab.Summary}");
        else image = ImageDigestReference.Parse(lab.Image!);

        var imageDigest = image?.Digest ?? DeploymentAudit.PackagedImage(registry.Audit(), version.Number)?.Digest;
        if (imageDigest is null) refusals.Add("it was never packaged: run ./build.sh Deploy (it packages, pushes and deploys to lab)");
        else
        {
            var modelDigest = version.Artifacts[ModelArtifact].Sha256;
            var policy = ApprovalPolicyFile.Load(Policy);
            var store = new ApprovalStore(ApprovalRecords);
            await RecordGitHubReviewsAsync(policy, store, version, modelDigest, imageDigest);
            var approvals = ApprovalVerifier.Check(policy, store.ListFor(version.Number),
                version.Number, version.Lineage.CreatedBy, modelDigest, imageDigest, DateTimeOffset.UtcNow);
            Console.WriteLine($"Approvals of {version.Label} (model {modelDigest}, image {imageDigest}):\n{approvals.Describe()}");
            if (!approvals.Approved) refusals.Add($"it is not approved: {approvals.Verdict}");
        }

        if (refusals.Count == 0) return image!.Value;
        registry.Append(new AuditEvent("promote-refused", version.Number, string.Join("; ", refusals)));
        throw new BuildFailedException($"Promotion of {version.Label} to factory refused:\n  - {string.Join("\n  - ", refusals)}\nFactory still serves {registry.TryResolveAlias(FactoryAlias)?.Label ?? "nothing"}.");
    }

    /// <summary>
    /// On GitHub Actions, in the job bound to the factory environment: the reviewers who approved (or rejected) this run's
    /// deployment become signed records, attested with the environment's key, when the policy trusts that environment.
    /// </summary>
    async Task RecordGitHubReviewsAsync(ApprovalPolicy policy, ApprovalStore store, ModelVersion version, string modelDigest, string imageDigest)
    {
        if (GitHubActionsContext.FromEnvironment() is not { } github || policy.GitHubEnvironment is null) return;
        using var attestation = GitHubAttestationKey.FromEnvironment(_ => AttestationKey);
        using var http = new HttpClient();
        var recorded = await new GitHubEnvironmentApprovals(http).RecordAsync(github, policy, attestation, version.Number, modelDigest, imageDigest, store);
        Console.WriteLine(recorded.Describe());
    }

    /// <summary>
    /// The image copied, by digest, into factory's repository (a mount within one registry, a streamed copy between two);
    /// copying what is already there costs three requests.
    /// </summary>
    async Task<ImageDigestReference> CopyToFactoryAsync(ImageDigestReference image, ModelVersion version)
    {
        var target = Factory.Repository;
        var sourceHost = RegistryRepository.Parse(image.Repository).Host;
        using var targetClient = new OciRegistryClient(target.Host);
        if (sourceHost == target.Host) return await targetClient.CopyAsync(image, target, version.Label);
        using var sourceClient = new OciRegistryClient(sourceHost);
        return await targetClient.CopyAsync(sourceClient, image, target, version.Label);
    }

    /// <summary>Deploys to factory; when the new version fails after the switch, the switch back is audit-logged as an automatic rollback.</summary>
    async Task<DeploymentOutcome> DeployToFactoryAsync(ModelRegistry registry, ModelVersion version, ImageDigestReference image, string action)
    {
        try
        {
            return await DeployAsync(Factory, version, image, registry);
        }
        catch (SwitchedBackException e)
        {
            registry.Append(DeploymentAudit.SwitchedBack(Factory.Name, version.Number, registry.TryResolveAlias(FactoryAlias)?.Number, e.Message));
            throw;
        }
        catch (DeploymentException e)
        {
            registry.Append(new AuditEvent($"{action}-failed", version.Number, e.Message, new Dictionary<string, string> { [DeploymentAudit.EnvironmentKey] = Factory.Name }));
            throw;
        }
    }
}
