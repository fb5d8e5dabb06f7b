using System.Text.Json;
using MlopsBuild.Containers.Context;
using MlopsBuild.Containers.Engine;
using MlopsBuild.Containers.Images;

namespace MlopsBuild.Containers.Tests.Images;

public sealed class ImageConfigTests
{
    static readonly DateTimeOffset BaseCreated = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

    // What GET /images/{name}/json answers for a two-layer app image, trimmed to what the configuration reads.
    static readonly JsonElement Inspected = JsonDocument.Parse("""
        {
          "Id": "sha256:app",
          "Created": "2026-11-28T10:00:00.123456789Z",
          "Architecture": "amd64",
          "Os": "linux",
          "Config": { "User": "10001:10001", "Env": ["PATH=/usr/bin"], "Entrypoint": ["/app/Server"], "WorkingDir": "/app",
                      "Labels": { "z.from.base": "base", "shared": "base" } },
          "RootFS": { "Type": "layers", "Layers": ["sha256:aaaa", "sha256:bbbb"] }
        }
        """).RootElement;

    static readonly ImageHistoryEntry[] History =
    [
        new(BaseCreated, "", "Imported from -", 79_800_000),
        new(BaseCreated.AddDays(1), "/bin/sh -c #(nop) COPY dir:abc in /app/", "", 111_000_000),
        new(BaseCreated.AddDays(1), "/bin/sh -c #(nop)  USER 10001:10001", "", 0),
    ];

    static readonly Dictionary<string, string> Labels = new() { ["shared"] = "ours", ["org.opencontainers.image.version"] = "v3" };

    [Fact]
    public void The_top_layer_and_its_step_follow_the_images_own_and_the_settings_are_kept()
    {
        using var layer = ModelLayer("weights");

        var image = Compose(layer);

        Assert.Equal(["sha256:aaaa", "sha256:bbbb", layer.DiffId], image.GetProperty("rootfs").GetProperty("diff_ids").EnumerateArray().Select(id => id.GetString()));
        var steps = image.GetProperty("history").EnumerateArray().ToList();
        Assert.Equal(4, steps.Count);
        Assert.Equal("Imported from -", steps[0].GetProperty("comment").GetString());
        Assert.Equal("2026-01-02T03:04:05Z", steps[0].GetProperty("created").GetString());
        Assert.True(steps[2].GetProperty("empty_layer").GetBoolean());
        Assert.False(steps[3].TryGetProperty("empty_layer", out _));
        Assert.Equal("COPY model.mlmodel /model/model.mlmodel", steps[3].GetProperty("created_by").GetString());
        Assert.Equal("2026-11-28T10:00:00.123456789Z", image.GetProperty("created").GetString());
        var config = image.GetProperty("config");
        Assert.Equal("10001:10001", config.GetProperty("User").GetString());
        Assert.Equal("/app/Server", config.GetProperty("Entrypoint")[0].GetString());
        Assert.Equal("amd64", image.GetProperty("architecture").GetString());
    }

    [Fact]
    public void Our_labels_are_added_over_the_images_own_in_name_order()
    {
        var labels = Compose(top: null).GetProperty("config").GetProperty("Labels");

        Assert.Equal(["org.opencontainers.image.version", "shared", "z.from.base"], labels.EnumerateObject().Select(label => label.Name));
        Assert.Equal("ours", labels.GetProperty("shared").GetString());
        Assert.Equal("base", labels.GetProperty("z.from.base").GetString());
    }

    [Fact]
    public void The_same_image_labels_and_layer_give_the_same_bytes_and_another_model_other_bytes()
    {
        using var first = ModelLayer("weights v1");
        using var again = ModelLayer("weights v1");
        using var other = ModelLayer("weights v2");

        var (bytes, _) = ImageConfig.Compose(Inspected, History, Labels, first);

        Assert.Equal(first.DiffId, again.DiffId);
        Assert.Equal(bytes, ImageConfig.Compose(Inspected, History, Labels, again).Bytes);
        Assert.NotEqual(bytes, ImageConfig.Compose(Inspected, History, Labels, other).Bytes);
    }

    [Fact]
    public void A_history_that_does_not_account_for_every_layer_is_left_out_rather_than_written_wrong()
    {
        // The base's layer is empty (size 0), so the sizes show one layer where the image has two.
        ImageHistoryEntry[] history = [History[0] with { Size = 0 }, History[1], History[2]];

        var image = JsonDocument.Parse(ImageConfig.Compose(Inspected, history, Labels, top: null).Bytes).RootElement;

        Assert.False(image.TryGetProperty("history", out _));
        Assert.Equal(2, image.GetProperty("rootfs").GetProperty("diff_ids").GetArrayLength());
    }

    static JsonElement Compose(ImageLayer? top) => JsonDocument.Parse(ImageConfig.Compose(Inspected, History, Labels, top).Bytes).RootElement;

    static ImageLayer ModelLayer(string content) =>
        ImageLayer.Create(new BuildContext().AddEmptyDirectory("model").AddText("model/model.mlmodel", content), "COPY model.mlmodel /model/model.mlmodel");
}
