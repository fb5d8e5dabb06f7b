namespace MlopsBuild.Containers.Engine;

/// <summary>A Dockerfile instruction the engine's builder has started: "Step 3/7 : COPY server /app".</summary>
/// <param name="Number">From 1.</param>
/// <param name="Count">The Dockerfile's instructions.</param>
public sealed record BuildStep(int Number, int Count, string Instruction);
