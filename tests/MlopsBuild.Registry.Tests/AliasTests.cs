using MlopsBuild.Registry.Audit;
using MlopsBuild.Registry.Errors;
using MlopsBuild.Registry.Tests.Support;

namespace MlopsBuild.Registry.Tests;

public sealed class AliasTests : IDisposable
{
    readonly RegistryFolder _folder = new();

    [Fact]
    public void Alias_moves_are_audited_from_and_to_and_an_unchanged_alias_adds_nothing()
    {
        var registry = _folder.Open();
        registry.Register(_folder.Accepted("one"));
        registry.Register(_folder.Accepted("two"));

        Assert.Equal(new AliasMove("lab", null, 1), registry.SetAlias("lab", 1, "first deploy"));
        Assert.Equal(new AliasMove("lab", 1, 2), registry.SetAlias("lab", 2, "better auc"));
        Assert.False(registry.SetAlias("lab", 2, "again").Changed);
        Assert.Equal(new AliasMove("lab", 2, null), registry.RemoveAlias("lab", "lab torn down"));

        var moves = registry.Audit().Where(e => e.Action == AuditActions.Alias).Select(e => (e.Alias, e.PreviousVersion, e.Version, e.Reason)).ToList();
        Assert.Equal([("lab", null, 1, "first deploy"), ("lab", 1, 2, "better auc"), ("lab", 2, null, "lab torn down")], moves);
        Assert.Empty(_folder.Open().Aliases());
    }

    [Fact]
    public void AliasAt_answers_which_version_an_alias_pointed_at_on_a_date()
    {
        var registry = _folder.Open();
        registry.Register(_folder.Accepted("one"));
        registry.Register(_folder.Accepted("two"));
        var start = _folder.Clock.Now;
        _folder.Clock.Advance(TimeSpan.FromDays(1));
        registry.SetAlias("factory", 1, "promoted");
        _folder.Clock.Advance(TimeSpan.FromDays(10));
        registry.SetAlias("factory", 2, "promoted");
        _folder.Clock.Advance(TimeSpan.FromDays(5));
        registry.SetAlias("factory", 1, "rolled back");

        var reopened = _folder.Open();
        Assert.Null(reopened.AliasAt("factory", start));
        Assert.Equal(1, reopened.AliasAt("factory", start.AddDays(3)));
        Assert.Equal(2, reopened.AliasAt("factory", start.AddDays(11)));
        Assert.Equal(2, reopened.AliasAt("factory", start.AddDays(15)));
        Assert.Equal(1, reopened.AliasAt("factory", start.AddDays(16)));
        Assert.Null(reopened.AliasAt("lab", start.AddDays(16)));
    }

    [Fact]
    public void A_rejected_version_cannot_carry_an_alias()
    {
        var registry = _folder.Open();
        registry.Register(_folder.Rejected("bad"));

        var error = Assert.Throws<RegistryException>(() => registry.SetAlias("lab", 1, "try"));

        Assert.Contains("rejected", error.Message);
        Assert.Empty(registry.Aliases());
    }

    [Theory]
    [InlineData("Lab")]
    [InlineData("v7")]
    [InlineData("../factory")]
    [InlineData("")]
    public void Unsafe_alias_names_are_refused(string alias)
    {
        var registry = _folder.Open();
        registry.Register(_folder.Accepted("one"));

        Assert.Contains("is not a valid alias", Assert.Throws<RegistryException>(() => registry.SetAlias(alias, 1, "why")).Message);
    }

    [Fact]
    public void Unknown_targets_of_alias_operations_are_clear_errors()
    {
        var registry = _folder.Open();
        registry.Register(_folder.Accepted("one"));
        registry.SetAlias("factory", 1, "approved");

        Assert.Contains("no v5", Assert.Throws<RegistryNotFoundException>(() => registry.SetAlias("lab", 5, "deploy")).Message);
        Assert.Contains("Did you mean 'factory'?", Assert.Throws<RegistryNotFoundException>(() => registry.RemoveAlias("factor", "gone")).Message);
        Assert.Contains("Give a reason", Assert.Throws<RegistryException>(() => registry.SetAlias("lab", 1, " ")).Message);
    }

    public void Dispose() => _folder.Dispose();
}
