using System.Security.Cryptography;

namespace MlopsBuild.Registry.Storage;

/// <summary>"sha256:" + lowercase hex, the same form as MlopsBuild.Core's ContentHasher.</summary>
internal static class ContentAddress
{
    public const string Prefix = "sha256:";

    public static string Of(ReadOnlySpan<byte> content) => Format(SHA256.HashData(content));

    public static string Format(ReadOnlySpan<byte> digest) => Prefix + Convert.ToHexStringLower(digest);

    public static bool IsWellFormed(string text) =>
        text.Length == Prefix.Length + 64 && text.StartsWith(Prefix, StringComparison.Ordinal)
        && text.AsSpan(Prefix.Length).IndexOfAnyExcept("0123456789abcdef") < 0;
}
