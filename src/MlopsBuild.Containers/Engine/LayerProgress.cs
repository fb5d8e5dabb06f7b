namespace MlopsBuild.Containers.Engine;

/// <summary>
/// A layer's step in a push or pull, as the engine streams it: "Pushing" 512 of 1024 bytes, then "Pushed".
/// The byte counts are null when the message carries none ("Preparing", "Pushed", "Layer already exists").
/// </summary>
/// <param name="Id">The layer's short id, as the engine names it in its messages.</param>
public sealed record LayerProgress(string Id, string Status, long? Current, long? Total);
