using System.Text.Json;

namespace MlopsBuild.Serving.Tests;

[Collection(SampleModelCollection.Name)]
public sealed class HealthAndMetadataTests(SampleModel sample) : IDisposable
{
    readonly ServingFactory factory = ServingFactory.For(sample);

    [Theory]
    [InlineData("/v2/health/live", "live")]
    [InlineData("/v2/health/ready", "ready")]
    [InlineData("/v2/models/loans/ready", "ready")]
    public async Task Health_endpoints_answer_true(string path, string property)
    {
        var (status, body) = await Payloads.GetAsync(factory.CreateClient(), path);

        Assert.Equal(200, status);
        Assert.True(body.GetProperty(property).GetBoolean());
    }

    [Fact]
    public async Task Ping_answers_200_as_mlflow_does()
    {
        using var response = await factory.CreateClient().GetAsync("/ping");

        Assert.Equal(200, (int)response.StatusCode);
    }

    [Fact]
    public async Task Server_metadata_names_the_server()
    {
        var (status, body) = await Payloads.GetAsync(factory.CreateClient(), "/v2");

        Assert.Equal(200, status);
        Assert.Equal("mlopsbuild-serving", body.GetProperty("name").GetString());
    }

    [Fact]
    public async Task Model_metadata_lists_every_input_with_its_datatype_and_the_outputs()
    {
        var (status, body) = await Payloads.GetAsync(factory.CreateClient(), "/v2/models/loans");

        Assert.Equal(200, status);
        Assert.Equal("loans", body.GetProperty("name").GetString());
        var inputs = body.GetProperty("inputs").EnumerateArray().ToDictionary(i => i.GetProperty("name").GetString()!);
        Assert.Equal(sample.Model.Signature.Inputs.Select(i => i.Name).Order(), inputs.Keys.Order());
        Assert.Equal("INT64", inputs["age"].GetProperty("datatype").GetString());
        Assert.Equal("FP64", inputs["income"].GetProperty("datatype").GetString());
        Assert.Equal("BOOL", inputs["has_cosigner"].GetProperty("datatype").GetString());
        Assert.Equal("BYTES", inputs["region"].GetProperty("datatype").GetString());
        Assert.Equal([-1], inputs["age"].GetProperty("shape").EnumerateArray().Select(d => d.GetInt32()));
        var region = inputs["region"].GetProperty("parameters");
        Assert.Contains("north", region.GetProperty("categories").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal("handled as missing", region.GetProperty("unseen_categories").GetString());
        var outputs = body.GetProperty("outputs").EnumerateArray().Select(o => o.GetProperty("name").GetString()!).ToArray();
        Assert.Equal(["probabilities", "label"], outputs);
        Assert.Equal(sample.Model.Signature.ClassNames, body.GetProperty("parameters").GetProperty("classes").EnumerateArray().Select(c => c.GetString()!));
    }

    [Theory]
    [InlineData("/v2/models/churn")]
    [InlineData("/v2/models/churn/ready")]
    public async Task An_unknown_model_name_is_a_404_problem_naming_the_served_model(string path)
    {
        using var response = await factory.CreateClient().GetAsync(path);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(404, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("urn:mlopsbuild:serving:problem:model-not-found", body.GetProperty("type").GetString());
        Assert.Contains("'loans'", body.GetProperty("detail").GetString());
    }

    public void Dispose() => factory.Dispose();
}
