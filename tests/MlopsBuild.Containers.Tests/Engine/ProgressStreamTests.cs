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

    static MemoryStream Lines(params string[] lines) => new(Encoding.UTF8.GetBytes(string.Join("\r\n", lines) + "\r\n"));
}
