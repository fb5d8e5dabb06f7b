namespace MlopsBuild.Registry.Storage;

/// <summary>The points between a write's steps; tests make the registry "crash" at each through <see cref="ModelRegistry.StepReached"/>.</summary>
internal enum RegistryStep
{
    ArtifactsStored,
    RecordWritten,
    RegistrationAudited,
    AliasAudited,
}
