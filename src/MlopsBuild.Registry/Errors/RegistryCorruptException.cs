namespace MlopsBuild.Registry.Errors;

/// <summary>A registry file does not hold what it should (hash mismatch, unreadable, missing, edited); it is never used as it is.</summary>
public sealed class RegistryCorruptException(string message, string path, Exception? inner = null) : RegistryException(message, inner)
{
    public string Path { get; } = path;
}
