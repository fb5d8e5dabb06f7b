using MlopsBuild.Deployment.History;
using MlopsBuild.Registry.Audit;

namespace MlopsBuild.Deployment.Tests.History;

public sealed class PromotionHistoryTests
{
    readonly List<AuditEntry> log = [];

    [Fact]
    public void Promotions_stack_up_and_a_rollback_returns_to_the_one_before()
    {
        Promote(1);
        Promote(2);
        Promote(3);

        Assert.Equal([1, 2, 3], PromotionHistory.Stack(log, "factory"));
        Assert.Equal(2, PromotionHistory.Previous(log, "factory"));
    }

    [Fact]
    public void Two_rollbacks_go_two_promotions_back_not_back_and_forth()
    {
        Promote(1);
        Promote(2);
        Promote(3);
        RollBack(to: 2);

        Assert.Equal(1, PromotionHistory.Previous(log, "factory"));
        RollBack(to: 1);
        Assert.Equal([1], PromotionHistory.Stack(log, "factory"));
        Assert.Null(PromotionHistory.Previous(log, "factory"));
    }

    [Fact]
    public void An_automatic_switch_back_after_a_failed_promotion_changes_nothing()
    {
        Promote(1);
        Promote(2);
        Add(DeploymentAudit.SwitchedBack("factory", failedVersion: 3, restored: 2, "v3 failed its check through the router"));

        Assert.Equal([1, 2], PromotionHistory.Stack(log, "factory"));
    }

    [Fact]
    public void Other_environments_and_other_actions_do_not_count()
    {
        Promote(1);
        Add(new AuditEvent(DeploymentAudit.Deploy, 5, null, new Dictionary<string, string> { [DeploymentAudit.EnvironmentKey] = "factory" }));
        Add(new AuditEvent(DeploymentAudit.Promote, 6, null, new Dictionary<string, string> { [DeploymentAudit.EnvironmentKey] = "lab" }));
        Add(new AuditEvent(DeploymentAudit.Approve, 7, null, new Dictionary<string, string>()));

        Assert.Equal([1], PromotionHistory.Stack(log, "factory"));
        Assert.Null(PromotionHistory.Previous(log, "factory"));
    }

    [Fact]
    public void Promoting_a_version_again_after_rolling_it_back_stacks_it_again()
    {
        Promote(1);
        Promote(2);
        RollBack(to: 1);
        Promote(2);

        Assert.Equal([1, 2], PromotionHistory.Stack(log, "factory"));
    }

    void Promote(int version) => Add(new AuditEvent(DeploymentAudit.Promote, version, null, new Dictionary<string, string> { [DeploymentAudit.EnvironmentKey] = "factory" }));

    void RollBack(int to) => Add(new AuditEvent(DeploymentAudit.Rollback, to, null, new Dictionary<string, string> { [DeploymentAudit.EnvironmentKey] = "factory" }));

    void Add(AuditEvent e) => log.Add(new AuditEntry(log.Count + 1, DateTimeOffset.UnixEpoch.AddMinutes(log.Count), "tester", e.Action, e.Version, null, null, e.Reason,
        e.Details ?? new Dictionary<string, string>(), $"sha256:{log.Count}"));
}
