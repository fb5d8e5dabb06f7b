using System.Text.Json;

namespace MlopsBuild.Serving.Tests;

/// <summary>The prediction log: sampled, one JSON line per row, rotated to one .1 file. The server is stopped before
/// the files are read, which writes everything queued.</summary>
[Collection(SampleModelCollection.Name)]
public sealed class PredictionLogTests(SampleModel sample)
{
    [Fact]
    public async Task Every_row_is_logged_with_its_inputs_as_sent_and_its_outputs_when_the_rate_is_one()
    {
        var log = sample.TemporaryFile($"all-{Guid.NewGuid():N}.jsonl");
        await SendAsync(log, rate: "1", maxBytes: "1000000", requests: 3, rowsPerRequest: 4);

        var lines = File.ReadAllLines(log);

        Assert.Equal(12, lines.Length);
        var first = JsonDocument.Parse(lines[0]).RootElement;
        Assert.Equal("loans", first.GetProperty("model").GetString());
        Assert.True(first.GetProperty("time").TryGetDateTimeOffset(out _));
        Assert.Equal(sample.GoldenRecords[0]["region"]!.GetValue<string>(), first.GetProperty("inputs").GetProperty("region").GetString());
        Assert.Equal(sample.OfflineOutputs[1], first.GetProperty("outputs").GetProperty("probabilities")[1].GetDouble());
    }

    [Fact]
    public async Task Nothing_is_logged_when_the_rate_is_zero()
    {
        var log = sample.TemporaryFile($"none-{Guid.NewGuid():N}.jsonl");
        await SendAsync(log, rate: "0", maxBytes: "1000000", requests: 5, rowsPerRequest: 1);

        Assert.Equal(0, File.Exists(log) ? new FileInfo(log).Length : 0);
    }

    [Fact]
    public async Task The_log_rotates_to_one_dot_1_file_and_neither_passes_the_size_limit()
    {
        var log = sample.TemporaryFile($"rotated-{Guid.NewGuid():N}.jsonl");
        const int maxBytes = 2000;
        await SendAsync(log, rate: "1", maxBytes: maxBytes.ToString(), requests: 20, rowsPerRequest: 1);

        Assert.True(File.Exists(log + ".1"), "no rotated file");
        Assert.False(File.Exists(log + ".2"));
        Assert.InRange(new FileInfo(log).Length, 1, maxBytes);
        Assert.InRange(new FileInfo(log + ".1").Length, 1, maxBytes);
        var lastLine = JsonDocument.Parse(File.ReadAllLines(log)[^1]).RootElement;
        Assert.Equal(sample.OfflineOutputs[19 * 2 + 1], lastLine.GetProperty("outputs").GetProperty("probabilities")[1].GetDouble());
    }

    async Task SendAsync(string log, string rate, string maxBytes, int requests, int rowsPerRequest)
    {
        using var factory = ServingFactory.For(sample, ("PREDICTION_LOG", log), ("PREDICTION_LOG_SAMPLE_RATE", rate), ("PREDICTION_LOG_MAX_BYTES", maxBytes));
        var client = factory.CreateClient();
        for (var i = 0; i < requests; i++)
        {
            var records = sample.GoldenRecords.Skip(i * rowsPerRequest).Take(rowsPerRequest);
            using var response = await client.PostAsync("/v2/models/loans/infer", Payloads.Json(Payloads.V2(sample.Model.Signature, records)));
            Assert.Equal(200, (int)response.StatusCode);
        }
    }
}
