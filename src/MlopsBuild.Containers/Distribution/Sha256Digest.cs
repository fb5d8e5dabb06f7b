using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace MlopsBuild.Containers.Distribution;

/// <summary>Content digests as registries write them: <c>sha256:</c> and 64 lowercase hex digits.</summary>
static partial class Sha256Digest
{
    public const string Form = "sha256:<64 lowercase hex digits>";

    public static bool IsValid(string digest) => Pattern().IsMatch(digest);

    public static string Of(ReadOnlySpan<byte> content) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(content));

    [GeneratedRegex("^sha256:[0-9a-f]{64}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
