using System.Globalization;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using MlopsBuild.Core.Text;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace MlopsBuild.Deployment.Approvals;

/// <summary>
/// Reads the committed approval policy (the build uses <c>deploy/approval-policy.yaml</c>):
/// <code>
/// required_approvals: 2          # N: distinct approvers needed
/// forbid_self_approval: true     # optional, default true: the training run's author (id or github_login) cannot approve it
/// max_age: 30d                   # optional: approvals older than this no longer count (m, h or d)
/// github_environment:            # optional: reviews of this GitHub environment count as approvals
///   name: factory                # the environment the Promote job runs in, with required reviewers
///   public_key: MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE…   # public half of the key stored as that environment's secret
/// approvers:                     # M: who may approve, each with an ECDSA P-256 public key
///   - id: alice                  # identity as the build knows it
///     public_key: MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE…   # base64 SubjectPublicKeyInfo, or a PEM block
///     github_login: alice-gh     # optional: her reviews of github_environment count as her approvals
/// </code>
/// A GitHub review counts only for the approver whose github_login it carries; a reviewer listed nowhere counts for no one.
/// Every problem is one <see cref="ApprovalPolicyException"/> naming file(line,column) and the fix.
/// </summary>
public static partial class ApprovalPolicyFile
{
    public const string DefaultPath = "deploy/approval-policy.yaml";

    static readonly string[] TopKeys = ["required_approvals", "approvers", "forbid_self_approval", "max_age", "github_environment"];
    static readonly string[] ApproverEntryKeys = ["id", "public_key", "github_login"];

    public static ApprovalPolicy Load(string path)
    {
        if (!File.Exists(path))
            throw new ApprovalPolicyException(path, 0, 0, "approval policy not found",
                "Commit one listing required_approvals and the approvers with their public keys (see ApprovalPolicyFile).");
        return Parse(File.ReadAllText(path), path);
    }

    public static ApprovalPolicy Parse(string text, string file)
    {
        var root = ReadDocument(text, file);
        if (root is not YamlMappingNode mapping)
            throw Error(file, root.Start, "the policy must be a mapping of keys to values", "Start with 'required_approvals: N' and 'approvers:'.");

        var entries = Entries(mapping, file, TopKeys, "the policy");
        var required = entries.TryGetValue("required_approvals", out var n)
            ? PositiveInteger(n, file)
            : throw Error(file, mapping.Start, "required_approvals is missing", "Add 'required_approvals: N', the number of distinct approvers needed.");
        var approversNode = entries.TryGetValue("approvers", out var a)
            ? a
            : throw Error(file, mapping.Start, "approvers is missing", "Add 'approvers:' with an '- id: … public_key: …' entry per release manager.");
        var approvers = ReadApprovers(approversNode, file);
        if (required > approvers.Count)
            throw Error(file, n!.Start, $"required_approvals is {required} but only {approvers.Count} approver(s) are listed",
                "Lower required_approvals or list more approvers.");
        var forbidSelf = !entries.TryGetValue("forbid_self_approval", out var f) || Boolean(f, file);
        TimeSpan? maxAge = entries.TryGetValue("max_age", out var m) ? Duration(m, file) : null;
        var environment = entries.TryGetValue("github_environment", out var g) ? ReadGitHubEnvironment(g, approvers, file) : null;
        return new ApprovalPolicy(required, approvers, forbidSelf, maxAge, environment);
    }

    static YamlNode ReadDocument(string text, string file)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            var message = (e.InnerException ?? e).Message.TrimEnd('.');
            throw Error(file, e.Start, $"not valid YAML: {message}", message.StartsWith("Duplicate key", StringComparison.Ordinal)
                ? "Keep one entry per key."
                : "Fix the syntax there (indentation, quotes and 'key: value' spacing).");
        }
        if (stream.Documents.Count == 0)
            throw new ApprovalPolicyException(file, 0, 0, "the policy file is empty", "Write required_approvals and approvers in it.");
        if (stream.Documents.Count > 1)
            throw Error(file, stream.Documents[1].RootNode.Start, "the file holds more than one YAML document", "Keep one policy: remove the second '---' and what follows.");
        return stream.Documents[0].RootNode;
    }

    static Dictionary<string, YamlNode> Entries(YamlMappingNode mapping, string file, string[] known, string where)
    {
        var entries = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        foreach (var (keyNode, value) in mapping.Children)
        {
            var key = keyNode is YamlScalarNode { Value: { } k } ? k : "";
            if (!known.Contains(key))
                throw Error(file, keyNode.Start, $"unknown key '{key}' in {where}",
                    $"Known keys: {string.Join(", ", known)}.{ClosestMatch.Hint(key, known)}");
            entries[key] = value;
        }
        return entries;
    }

    static List<Approver> ReadApprovers(YamlNode node, string file)
    {
        if (node is not YamlSequenceNode { Children.Count: > 0 } sequence)
            throw Error(file, node.Start, "approvers must be a non-empty list", "Write one '- id: … public_key: …' entry per release manager.");
        var approvers = new List<Approver>();
        foreach (var item in sequence.Children)
        {
            if (item is not YamlMappingNode entry)
                throw Error(file, item.Start, "an approver must be a mapping with 'id' and 'public_key'", "Write '- id: alice' and, below it, '  public_key: …'.");
            var fields = Entries(entry, file, ApproverEntryKeys, "an approver");
            var idNode = fields.TryGetValue("id", out var i) ? i : throw Error(file, entry.Start, "an approver has no id", "Add 'id: <GitHub login>'.");
            var id = Identity(idNode, file);
            if (approvers.FirstOrDefault(x => x.IsIdentifiedBy(id)) is { } same)
                throw ApprovalPolicy.SameIdentity(same.Id, id)
                    ? Error(file, idNode.Start, $"approver '{id}' is listed twice", "List each release manager once (identities ignore case).")
                    : Error(file, idNode.Start, $"approver id '{id}' is the github_login of '{same.Id}'", OneIdentityOnePerson);
            var keyNode = fields.TryGetValue("public_key", out var k)
                ? k
                : throw Error(file, entry.Start, $"approver '{id}' has no public_key", "Paste the line ApprovalKeyGenerator printed for them.");
            var key = PublicKey(keyNode, $"'{id}'", file);
            if (approvers.FirstOrDefault(x => x.PublicKey == key) is { } twin)
                throw Error(file, keyNode.Start, $"approver '{id}' has the same public key as '{twin.Id}'",
                    "Each approver needs their own key pair, or one person would count as two approvals.");
            var login = fields.TryGetValue("github_login", out var g) ? GitHubLogin(g, id, approvers, file) : null;
            approvers.Add(new Approver(id, key, login));
        }
        return approvers;
    }

    static string Identity(YamlNode node, string file)
    {
        var text = Scalar(node, file, "id");
        return IdentityPattern().IsMatch(text)
            ? text
            : throw Error(file, node.Start, $"'{text}' is not a usable approver id",
                "Use the login as the build sees it: letters, digits and . _ - @ +, starting with a letter or digit.");
    }

    static string PublicKey(YamlNode node, string whose, string file)
    {
        var text = Scalar(node, file, "public_key").Trim();
        using var key = ECDsa.Create();
        try
        {
            if (text.StartsWith("-----BEGIN", StringComparison.Ordinal)) key.ImportFromPem(text);
            else key.ImportSubjectPublicKeyInfo(Convert.FromBase64String(text), out _);
        }
        catch (Exception e) when (e is FormatException or ArgumentException or CryptographicException)
        {
            var why = e switch
            {
                ArgumentException => "no complete PEM 'PUBLIC KEY' block",
                FormatException => "not base64",
                _ => "not a SubjectPublicKeyInfo",
            };
            throw Error(file, node.Start, $"the public_key of {whose} is not an ECDSA public key ({why})",
                "Paste the public key line ApprovalKeyGenerator printed (base64 SubjectPublicKeyInfo) or a '-----BEGIN PUBLIC KEY-----' block.");
        }
        if (!ApproverKeys.IsP256(key))
            throw Error(file, node.Start, $"the public_key of {whose} is not on curve P-256", "Generate the key with ApprovalKeyGenerator.");
        return ApproverKeys.PublicKeyText(key);
    }

    static int PositiveInteger(YamlNode node, string file) =>
        int.TryParse(Scalar(node, file, "required_approvals"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : throw Error(file, node.Start, $"required_approvals must be a whole number of at least 1, not '{Scalar(node, file, "required_approvals")}'",
                "Write how many distinct approvers must approve, such as 'required_approvals: 2'.");

    static bool Boolean(YamlNode node, string file) => Scalar(node, file, "forbid_self_approval") switch
    {
        "true" => true,
        "false" => false,
        var other => throw Error(file, node.Start, $"forbid_self_approval must be true or false, not '{other}'", "Write 'forbid_self_approval: true' (the default) or false."),
    };

    static TimeSpan Duration(YamlNode node, string file)
    {
        var text = Scalar(node, file, "max_age");
        var match = DurationPattern().Match(text);
        if (match.Success && int.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var amount) && amount > 0)
        {
            return match.Groups[2].Value switch
            {
                "m" => TimeSpan.FromMinutes(amount),
                "h" => TimeSpan.FromHours(amount),
                _ => TimeSpan.FromDays(amount),
            };
        }
        throw Error(file, node.Start, $"max_age '{text}' is not a duration", "Write a whole number and a unit: m (minutes), h (hours) or d (days), such as '30d'.");
    }

    static string Scalar(YamlNode node, string file, string key) => node is YamlScalarNode { Value: { Length: > 0 } value }
        ? value
        : throw Error(file, node.Start, $"{key} must be a single value", $"Write '{key}: <value>' on one line.");

    static ApprovalPolicyException Error(string file, Mark at, string problem, string remedy) =>
        new(file, (int)at.Line, (int)at.Column, problem, remedy);

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._@+-]*$")]
    private static partial Regex IdentityPattern();

    [GeneratedRegex(@"^([0-9]+)([mhd])$")]
    private static partial Regex DurationPattern();
}
