using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace MlopsBuild.Deployment.Approvals;

/// <summary>The policy's GitHub parts: the <c>github_environment</c> section and each approver's <c>github_login</c>.</summary>
public static partial class ApprovalPolicyFile
{
    static readonly string[] GitHubEnvironmentKeys = ["name", "public_key"];

    const string OneIdentityOnePerson =
        "Each id and github_login must name one person, or one reviewer could count as two approvers or escape the self-approval rule.";

    static GitHubEnvironmentAttestation ReadGitHubEnvironment(YamlNode node, IReadOnlyList<Approver> approvers, string file)
    {
        if (node is not YamlMappingNode mapping)
            throw Error(file, node.Start, "github_environment must be a mapping with 'name' and 'public_key'",
                "Write 'github_environment:' and, indented below it, 'name: factory' and 'public_key: …'.");
        var fields = Entries(mapping, file, GitHubEnvironmentKeys, "github_environment");
        var name = fields.TryGetValue("name", out var n)
            ? Scalar(n, file, "name")
            : throw Error(file, mapping.Start, "github_environment has no name", "Add 'name: <environment>', the GitHub environment the Promote job runs in (such as factory).");
        var keyNode = fields.TryGetValue("public_key", out var k)
            ? k
            : throw Error(file, mapping.Start, "github_environment has no public_key",
                "Paste the lines ApprovalKeyGenerator.GenerateGitHubEnvironmentKey printed, and store the private key as that environment's secret.");
        var key = PublicKey(keyNode, "github_environment", file);
        if (approvers.FirstOrDefault(a => a.PublicKey == key) is { } twin)
            throw Error(file, keyNode.Start, $"github_environment has the same public key as approver '{twin.Id}'",
                "Give the environment its own key pair: whoever holds that approver's key could otherwise sign reviews for everyone.");
        if (approvers.All(a => a.GitHubLogin is null))
            throw Error(file, mapping.Start, "github_environment is set but no approver has a github_login",
                $"Add 'github_login: <login>' to each approver who reviews deployments to '{name}', or no review can count.");
        return new GitHubEnvironmentAttestation(name, key);
    }

    static string GitHubLogin(YamlNode node, string approverId, IReadOnlyList<Approver> earlier, string file)
    {
        var login = Scalar(node, file, "github_login");
        if (!GitHubLoginPattern().IsMatch(login))
            throw Error(file, node.Start, $"github_login '{login}' of '{approverId}' is not a GitHub login",
                "Write the login as GitHub shows it: letters, digits and single hyphens, at most 39 characters.");
        if (earlier.FirstOrDefault(a => a.IsIdentifiedBy(login)) is { } other)
            throw Error(file, node.Start, $"github_login '{login}' of '{approverId}' already names approver '{other.Id}'", OneIdentityOnePerson);
        return login;
    }

    [GeneratedRegex(@"^(?=.{1,39}$)[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*$")]
    private static partial Regex GitHubLoginPattern();
}
