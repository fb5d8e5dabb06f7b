using System.Text.RegularExpressions;
using MlopsBuild.Registry.Versions;
using MlopsBuild.Registry.Errors;

namespace MlopsBuild.Registry.Storage;

/// <summary>The names users give: aliases, artifact names and audit actions, each checked against a safe pattern.</summary>
internal static partial class Names
{
    [GeneratedRegex("^[a-z][a-z0-9._-]{0,63}$")]
    private static partial Regex AliasPattern();

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$")]
    private static partial Regex ArtifactPattern();

    [GeneratedRegex("^[a-z][a-z0-9-]{0,63}$")]
    private static partial Regex ActionPattern();

    public static void CheckAlias(string alias)
    {
        if (!AliasPattern().IsMatch(alias) || VersionLabel.TryParse(alias) is not null)
            throw new RegistryException(
                $"'{alias}' is not a valid alias: use a lowercase letter followed by up to 63 lowercase letters, digits, '.', '_' or '-' " +
                "(e.g. 'lab', 'factory', 'shadow-eu'), and not a version label like 'v7'.");
    }

    public static void CheckArtifact(string name)
    {
        if (!ArtifactPattern().IsMatch(name))
            throw new RegistryException($"'{name}' is not a valid artifact name: use a file name of letters, digits, '.', '_' or '-' (e.g. 'model.mlmodel').");
    }

    public static void CheckAction(string action)
    {
        if (!ActionPattern().IsMatch(action))
            throw new RegistryException($"'{action}' is not a valid audit action: use lowercase letters, digits and '-' (e.g. 'approve', 'promote', 'rollback').");
        if (Audit.AuditActions.Reserved.Contains(action))
            throw new RegistryException($"The audit action '{action}' is written by the registry itself; use Register or SetAlias/RemoveAlias instead.");
    }
}
