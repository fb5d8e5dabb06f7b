namespace MlopsBuild.Quality.Gates;

/// <summary>
/// A mistake in how gates were declared or what they were given (an unknown metric or column, a missing data check):
/// the build is wrong, not the model. Thrown before any check runs, so a typo never reads as a rejected model.
/// </summary>
public sealed class GateDeclarationException(string message) : Exception(message)
{
    /// <summary>The message for a mistake in the gate called <paramref name="gate"/>.</summary>
    internal static GateDeclarationException For(Gate gate, string problem) => new($"Gate '{gate.Name}': {problem}");
}
