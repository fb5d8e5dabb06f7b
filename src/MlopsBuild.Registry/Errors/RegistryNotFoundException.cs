namespace MlopsBuild.Registry.Errors;

/// <summary>An unknown version, alias or artifact name.</summary>
public sealed class RegistryNotFoundException(string message) : RegistryException(message);
