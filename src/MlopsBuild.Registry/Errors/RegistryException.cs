namespace MlopsBuild.Registry.Errors;

/// <summary>A registry request that cannot be carried out; the message says what, where and what to do.</summary>
public class RegistryException(string message, Exception? inner = null) : Exception(message, inner);
