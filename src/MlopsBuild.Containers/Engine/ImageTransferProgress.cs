namespace MlopsBuild.Containers.Engine;

/// <summary>
/// The bytes of a push summed over its layers, for one progress bar: each layer counts by its latest byte counts,
/// and a layer reported pushed counts whole. The total grows as the engine starts on more layers.
/// </summary>
public sealed class ImageTransferProgress
{
    readonly Dictionary<string, (long Current, long Total)> layers = new(StringComparer.Ordinal);

    public long BytesDone { get; private set; }

    public long BytesTotal { get; private set; }

    public void Add(LayerProgress progress)
    {
        if (progress.Total is { } total) layers[progress.Id] = (Math.Min(progress.Current ?? 0, total), total);
        else if (progress.Status == "Pushed" && layers.TryGetValue(progress.Id, out var layer)) layers[progress.Id] = (layer.Total, layer.Total);
        else return;
        BytesDone = layers.Values.Sum(l => l.Current);
        BytesTotal = layers.Values.Sum(l => l.Total);
    }
}
