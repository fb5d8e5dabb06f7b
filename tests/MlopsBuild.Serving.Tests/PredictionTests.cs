using System.Text.Json;
using System.Text.Json.Nodes;

namespace MlopsBuild.Serving.Tests;

/// <summary>Every payload form gives, for the sample's rows, exactly the numbers offline scoring gives.</summary>
[Collection(SampleModelCollection.Name)]
public sealed class PredictionTests(SampleModel sample) : IDisposable
{
    readonly ServingFactory factory = ServingFactory.For(sample);

    [Fact]
    public async Task V2_infer_gives_offline_probabilities_bit_for_bit_and_the_most_probable_label()
    {
        var (status, body, contentType) = await Payloads.PostAsync(factory.CreateClient(), "/v2/models/loans/infer",
            Payloads.Json(Payloads.V2(sample.Model.Signature, sample.GoldenRecords, id: "request-7")));

        Assert.True(status == 200, body.GetRawText());
        Assert.Equal("application/json", contentType);
        Assert.Equal("loans", body.GetProperty("model_name").GetString());
        Assert.Equal("request-7", body.GetProperty("id").GetString());
        var outputs = body.GetProperty("outputs").EnumerateArray().ToDictionary(o => o.GetProperty("name").GetString()!);
        var probabilities = outputs["probabilities"];
        Assert.Equal([SampleModel.GoldenRowCount, 2], probabilities.GetProperty("shape").EnumerateArray().Select(d => d.GetInt32()));
        Assert.Equal(sample.OfflineOutputs, probabilities.GetProperty("data").EnumerateArray().Select(p => p.GetDouble()));
        var labels = outputs["label"].GetProperty("data").EnumerateArray().Select(l => l.GetString()).ToArray();
        Assert.Equal(ExpectedLabels(), labels);
    }

    [Theory]
    [InlineData("dataframe_split")]
    [InlineData("dataframe_records")]
    [InlineData("instances")]
    public async Task Invocations_in_every_mlflow_form_give_offline_probabilities_bit_for_bit(string form)
    {
        var payload = form == "dataframe_split" ? Payloads.DataframeSplit(sample.GoldenRecords) : Payloads.Records(form, sample.GoldenRecords);

        var (status, body, _) = await Payloads.PostAsync(factory.CreateClient(), "/invocations", Payloads.Json(payload));

        Assert.True(status == 200, body.GetRawText());
        var predictions = body.GetProperty("predictions").EnumerateArray().ToArray();
        Assert.Equal(sample.OfflineOutputs, predictions.SelectMany(p => p.GetProperty("probabilities").EnumerateArray().Select(x => x.GetDouble())));
        Assert.Equal(ExpectedLabels(), predictions.Select(p => p.GetProperty("label").GetString()));
    }

    [Fact]
    public async Task Null_values_and_unseen_categories_are_scored_as_missing_not_refused()
    {
        var unseen = sample.Record();
        unseen["region"] = "atlantis";
        var missing = sample.Record();
        missing["region"] = null;

        var (status, body, _) = await Payloads.PostAsync(factory.CreateClient(), "/invocations", Payloads.Json(Payloads.Records("instances", [unseen, missing])));

        Assert.True(status == 200, body.GetRawText());
        var predictions = body.GetProperty("predictions").EnumerateArray().Select(p => p.GetProperty("probabilities").GetRawText()).ToArray();
        Assert.Equal(predictions[0], predictions[1]);
    }

    [Fact]
    public async Task A_category_written_with_json_escapes_is_the_same_category()
    {
        var record = sample.Record();
        record["region"] = "north";
        var plain = Payloads.Records("instances", [record]).ToJsonString();
        var escaped = plain.Replace("\"north\"", "\"nor\\u0074h\"", StringComparison.Ordinal);
        Assert.NotEqual(plain, escaped);

        var (_, plainBody, _) = await Payloads.PostAsync(factory.CreateClient(), "/invocations", Payloads.Json(plain));
        var (status, escapedBody, _) = await Payloads.PostAsync(factory.CreateClient(), "/invocations", Payloads.Json(escaped));

        Assert.True(status == 200, escapedBody.GetRawText());
        Assert.Equal(plainBody.GetRawText(), escapedBody.GetRawText());
    }

    [Fact]
    public async Task Requests_are_answered_concurrently_with_the_right_rows()
    {
        var client = factory.CreateClient();
        var requests = Enumerable.Range(0, 40).Select(async i =>
        {
            var row = i % SampleModel.GoldenRowCount;
            var (status, body, _) = await Payloads.PostAsync(client, "/invocations", Payloads.Json(Payloads.Records("dataframe_records", [sample.GoldenRecords[row]])));
            Assert.True(status == 200, body.GetRawText());
            var probabilities = body.GetProperty("predictions")[0].GetProperty("probabilities");
            Assert.Equal(sample.OfflineOutputs[row * 2 + 1], probabilities[1].GetDouble());
        });

        await Task.WhenAll(requests);
    }

    string[] ExpectedLabels() => Enumerable.Range(0, SampleModel.GoldenRowCount)
        .Select(row => sample.Model.Signature.ClassNames[sample.OfflineOutputs[row * 2 + 1] > sample.OfflineOutputs[row * 2] ? 1 : 0])
        .ToArray();

    public void Dispose() => factory.Dispose();
}
