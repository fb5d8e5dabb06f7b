using System.Text;
using MlopsBuild.Containers.Engine;

namespace MlopsBuild.Containers.Tests.Engine;

public sealed class ProgressStreamTests
{
    [Fact]
    public async Task Text_goes_to_the_log_and_aux_payloads_come_back()
    {
        var lines = new List<string>();
        var stream = Lines(
            """{"stream":"Step 1/2 : FROM base\n"}""",
            """{"status":"Pushing","progressDetail":{"current":1,"total":2},"progress":"[==>  ]","id":"abc"}""",
            """{"status":"Pushed","progressDetail":{},"id":"abc"}""",
            """{"aux":{"ID":"sha256:1234"}}""");

        var aux = await ProgressStream.ReadAsync(stream, "build", lines.Add, CancellationToken.None);

        Assert.Equal(["Step 1/2 : FROM base", "abc: Pushed"], lines);
        Assert.Equal("sha256:1234", Assert.Single(aux).GetProperty("ID").GetString());
    }

    [Fact]
    public async Task An_error_line_becomes_an_exception_with_the_engines_message()
    {
        var stream = Lines(
            """{"stream":"Step 2/2 : RUN false\n"}""",
            """{"errorDetail":{"code":1,"message":"The command '/bin/sh -c false' returned a non-zero code: 1"},"error":"ignored"}""");

        var error = await Assert.ThrowsAsync<DockerException>(() => ProgressStream.ReadAsync(stream, "build the image x:1", null, CancellationToken.None));

        Assert.Equal("Docker could not build the image x:1: The command '/bin/sh -c false' returned a non-zero code: 1", error.Message);
    }

    /// <summary>What the engine streams for <c>docker push</c> of a two-layer image, one of them already in the registry.</summary>
    static readonly string[] RecordedPush =
    [
        """{"status":"The push refers to repository [127.0.0.1:5000/loans-model/lab]"}""",
        """{"status":"Preparing","progressDetail":{},"id":"5f70bf18a086"}""",
        """{"status":"Preparing","progressDetail":{},"id":"a3ed95caeb02"}""",
        """{"status":"Waiting","progressDetail":{},"id":"a3ed95caeb02"}""",
        """{"status":"Layer already exists","progressDetail":{},"id":"a3ed95caeb02"}""",
        """{"status":"Pushing","progressDetail":{"current":512,"total":70400},"progress":"[>    ]     512B/70.4kB","id":"5f70bf18a086"}""",
        """{"status":"Pushing","progressDetail":{"current":35200,"total":70400},"progress":"[==>  ]  35.2kB/70.4kB","id":"5f70bf18a086"}""",
        """{"status":"Pushing","progressDetail":{"current":72192,"total":70400},"progress":"[=====>]  72.19kB","id":"5f70bf18a086"}""",
        """{"status":"Pushed","progressDetail":{},"id":"5f70bf18a086"}""",
        """{"status":"v3: digest: sha256:4b1f0d2c size: 739"}""",
        """{"progressDetail":{},"aux":{"Tag":"v3","Digest":"sha256:4b1f0d2c","Size":739}}""",
    ];

    [Fact]
    public async Task Layer_byte_counts_go_to_their_callback_and_the_log_keeps_the_status_lines()
    {
        var layers = new List<LayerProgress>();
        var lines = new List<string>();

        await ProgressStream.ReadAsync(Lines(RecordedPush), "push", lines.Add, CancellationToken.None, layers.Add);

        Assert.Equal(
        [
            new("5f70bf18a086", "Preparing", null, null),
            new("a3ed95caeb02", "Preparing", null, null),
            new("a3ed95caeb02", "Waiting", null, null),
            new("a3ed95caeb02", "Layer already exists", null, null),
            new("5f70bf18a086", "Pushing", 512, 70400),
            new("5f70bf18a086", "Pushing", 35200, 70400),
            new("5f70bf18a086", "Pushing", 72192, 70400),
            new LayerProgress("5f70bf18a086", "Pushed", null, null),
        ], layers);
        Assert.Equal(
        [
            "The push refers to repository [127.0.0.1:5000/loans-model/lab]", "5f70bf18a086: Preparing", "a3ed95caeb02: Preparing",
            "a3ed95caeb02: Waiting", "a3ed95caeb02: Layer already exists", "5f70bf18a086: Pushed", "v3: digest: sha256:4b1f0d2c size: 739",
        ], lines);
    }

    [Fact]
    public async Task A_push_adds_up_to_its_layers_bytes_each_counted_by_its_latest_report()
    {
        var transfer = new ImageTransferProgress();
        var seen = new List<(long, long)>();

        await ProgressStream.ReadAsync(Lines(RecordedPush), "push", null, CancellationToken.None, layer =>
        {
            transfer.Add(layer);
            seen.Add((transfer.BytesDone, transfer.BytesTotal));
        });

        Assert.Equal([(0, 0), (0, 0), (0, 0), (0, 0), (512, 70400), (35200, 70400), (70400, 70400), (70400, 70400)], seen);
    }

    [Fact]
    public async Task The_builders_steps_go_to_their_callback()
    {
        var steps = new List<BuildStep>();
        var stream = Lines(
            """{"stream":"Step 1/3 : FROM mlopsbuild/base:bookworm"}""",
            """{"stream":"\n"}""",
            """{"stream":" ---> 9c7a54a9a43c\n"}""",
            """{"stream":"Step 2/3 : COPY server /app\n"}""",
            """{"stream":"Step 3/3 : LABEL io.mlopsbuild.model.version=v3\n"}""",
            """{"aux":{"ID":"sha256:1234"}}""");

        await ProgressStream.ReadAsync(stream, "build", null, CancellationToken.None, steps: steps.Add);

        Assert.Equal(
        [
            new BuildStep(1, 3, "FROM mlopsbuild/base:bookworm"), new BuildStep(2, 3, "COPY server /app"),
            new BuildStep(3, 3, "LABEL io.mlopsbuild.model.version=v3"),
        ], steps);
    }

    static MemoryStream Lines(params string[] lines) => new(Encoding.UTF8.GetBytes(string.Join("\r\n", lines) + "\r\n"));
}
