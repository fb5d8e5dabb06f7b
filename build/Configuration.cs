/// <summary>The .NET build configuration the pipeline compiles with.</summary>
enum Configuration
{
    Debug,
    Release,
}
