using System.Text;
using System.Text.Json.Nodes;

namespace MlopsBuild.Serving.Tests;

/// <summary>Every kind of bad input is a 4xx problem naming the field, and the server keeps serving.</summary>
[Collection(SampleModelCollection.Name)]
public sealed class BadInputTests(SampleModel sample) : IDisposable
{
    const string Infer = "/v2/models/loans/infer";
    readonly ServingFactory factory = ServingFactory.For(sample);

    public static TheoryData<string, int, string, string> Cases => new()
    {
        { "malformed JSON", 400, "malformed-json", "body" },
        { "NaN literal", 400, "malformed-json", "body" },
        { "invalid UTF-8 in a value", 400, "malformed-json", "body" },
        { "invalid UTF-8 in a key", 400, "malformed-json", "body" },
        { "half a surrogate pair escaped", 400, "malformed-json", "body" },
        { "body not an object", 400, "bad-request-form", "body" },
        { "no inputs", 400, "bad-request-form", "inputs" },
        { "string for a number", 400, "wrong-type", "age" },
        { "fraction for an integer", 400, "wrong-type", "age" },
        { "infinite number", 400, "not-finite", "income" },
        { "string for a boolean", 400, "wrong-type", "has_cosigner" },
        { "number for a category", 400, "wrong-type", "region" },
        { "wrong datatype", 400, "wrong-type", "age" },
        { "missing input", 400, "missing-input", "age" },
        { "unknown input", 400, "unknown-input", "favourite_colour" },
        { "shape disagrees with data", 400, "wrong-shape", "age" },
        { "two-dimensional shape", 400, "wrong-shape", "age" },
        { "inputs of different lengths", 400, "wrong-shape", "income" },
        { "unknown model", 404, "model-not-found", "name" },
        { "oversize body", 413, "payload-too-large", "body" },
        { "CSV content type", 415, "unsupported-media-type", "Content-Type" },
        { "mlflow unknown form", 400, "bad-request-form", "columns" },
        { "mlflow split missing column", 400, "missing-input", "age" },
        { "mlflow split short row", 400, "wrong-shape", "dataframe_split.data[0]" },
        { "mlflow record missing column", 400, "missing-input", "income" },
        { "mlflow record unknown column", 400, "unknown-input", "colour" },
        { "mlflow record wrong type", 400, "wrong-type", "credit_score" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Bad_input_is_a_problem_naming_the_field(string @case, int expectedStatus, string expectedKind, string expectedField)
    {
        var (path, content) = Request(@case);

        var (status, body, contentType) = await Payloads.PostAsync(factory.CreateClient(), path, content);

        Assert.Equal(expectedStatus, status);
        Assert.Equal("application/problem+json", contentType);
        Assert.Equal("urn:mlopsbuild:serving:problem:" + expectedKind, body.GetProperty("type").GetString());
        Assert.Equal(expectedStatus, body.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(body.GetProperty("title").GetString()));
        Assert.False(string.IsNullOrWhiteSpace(body.GetProperty("detail").GetString()));
        Assert.Equal(expectedField, body.GetProperty("field").GetString());
    }

    [Fact]
    public async Task A_value_problem_names_its_row()
    {
        var records = sample.GoldenRecords.Take(3).Select(r => (JsonObject)r.DeepClone()).ToArray();
        records[2]["age"] = "old";

        var (_, body, _) = await Payloads.PostAsync(factory.CreateClient(), Infer, Payloads.Json(Payloads.V2(sample.Model.Signature, records)));

        Assert.Equal(2, body.GetProperty("row").GetInt32());
        Assert.Contains("row 2", body.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_burst_of_bad_requests_leaves_the_server_answering_good_ones()
    {
        var client = factory.CreateClient();
        var cases = Cases.Select(c => (string)c[0]).ToArray();
        for (var i = 0; i < 200; i++)
        {
            var (path, content) = Request(cases[i % cases.Length]);
            using var response = await client.PostAsync(path, content);
            Assert.InRange((int)response.StatusCode, 400, 499);
        }

        for (var i = 0; i < 5; i++)
        {
            var (status, body, _) = await Payloads.PostAsync(client, Infer, Payloads.Json(Payloads.V2(sample.Model.Signature, [sample.GoldenRecords[i]])));
            Assert.Equal(200, status);
            Assert.Equal(sample.OfflineOutputs[i * 2 + 1], body.GetProperty("outputs")[0].GetProperty("data")[1].GetDouble());
        }
        using var live = await client.GetAsync("/v2/health/live");
        Assert.Equal(200, (int)live.StatusCode);
    }

    (string Path, HttpContent Content) Request(string @case)
    {
        var v2 = Payloads.V2(sample.Model.Signature, [sample.Record()]);
        var tensors = v2["inputs"]!.AsArray();
        JsonObject Tensor(string name) => tensors.Single(t => (string)t!["name"]! == name)!.AsObject();
        var record = sample.Record();
        switch (@case)
        {
            case "malformed JSON": return (Infer, Payloads.Json("{\"inputs\": [{\"name\": \"age\","));
            case "NaN literal": return (Infer, Payloads.Json(v2.ToJsonString().Replace("\"data\":[" + Tensor("income")["data"]![0]!.ToJsonString() + "]", "\"data\":[NaN]")));
            case "body not an object": return (Infer, Payloads.Json("[1, 2, 3]"));
            case "invalid UTF-8 in a value": return (Infer, Utf8Json(v2.ToJsonString(), "\"south\"", "\"so\xFFuth\""));
            case "invalid UTF-8 in a key": return ("/invocations", Utf8Json(Payloads.Records("dataframe_records", [record]).ToJsonString(), "\"region\"", "\"reg\xFFion\""));
            case "half a surrogate pair escaped": return (Infer, Payloads.Json(v2.ToJsonString().Replace("\"south\"", "\"so\\ud800uth\"")));
            case "no inputs": return (Infer, Payloads.Json("{\"id\": \"x\"}"));
            case "string for a number": Tensor("age")["data"] = new JsonArray("forty"); break;
            case "fraction for an integer": Tensor("age")["data"] = new JsonArray(40.5); break;
            case "infinite number": return (Infer, Payloads.Json(v2.ToJsonString().Replace("\"data\":[" + Tensor("income")["data"]![0]!.ToJsonString() + "]", "\"data\":[1e999]")));
            case "string for a boolean": Tensor("has_cosigner")["data"] = new JsonArray("yes"); break;
            case "number for a category": Tensor("region")["data"] = new JsonArray(3); break;
            case "wrong datatype": Tensor("age")["datatype"] = "BYTES"; break;
            case "missing input": tensors.Remove(Tensor("age")); break;
            case "unknown input": tensors.Add(new JsonObject { ["name"] = "favourite_colour", ["datatype"] = "BYTES", ["shape"] = new JsonArray(1), ["data"] = new JsonArray("red") }); break;
            case "shape disagrees with data": Tensor("age")["shape"] = new JsonArray(2); break;
            case "two-dimensional shape": Tensor("age")["shape"] = new JsonArray(1, 1); break;
            case "inputs of different lengths": Tensor("age")["data"] = new JsonArray(30, 40); Tensor("age")["shape"] = new JsonArray(2); break;
            case "unknown model": return ("/v2/models/churn/infer", Payloads.Json(v2));
            case "oversize body": return (Infer, Payloads.Json(v2.ToJsonString() + new string(' ', 1024 * 1024)));
            case "CSV content type": return ("/invocations", new StringContent("age,income\n30,1000\n", Encoding.UTF8, "text/csv"));
            case "mlflow unknown form": return ("/invocations", Payloads.Json("{\"columns\": [\"age\"], \"data\": [[30]]}"));
            case "mlflow split missing column":
                record.Remove("age");
                return ("/invocations", Payloads.Json(Payloads.DataframeSplit([record])));
            case "mlflow split short row":
                var split = Payloads.DataframeSplit([record]);
                split["dataframe_split"]!["data"]![0]!.AsArray().RemoveAt(0);
                return ("/invocations", Payloads.Json(split));
            case "mlflow record missing column":
                record.Remove("income");
                return ("/invocations", Payloads.Json(Payloads.Records("dataframe_records", [record])));
            case "mlflow record unknown column":
                record["colour"] = "red";
                return ("/invocations", Payloads.Json(Payloads.Records("dataframe_records", [record])));
            case "mlflow record wrong type":
                record["credit_score"] = true;
                return ("/invocations", Payloads.Json(Payloads.Records("instances", [record])));
            default: throw new ArgumentOutOfRangeException(nameof(@case), @case, "no such case");
        }
        return (Infer, Payloads.Json(v2));
    }

    /// <summary>The JSON as UTF-8, with <paramref name="find"/> replaced by text whose \xFF stands for a byte that UTF-8 never has.</summary>
    static HttpContent Utf8Json(string json, string find, string replacement)
    {
        Assert.Contains(find, json);
        var bytes = Encoding.UTF8.GetBytes(json.Replace(find, replacement.Replace('\xFF', '\u0001')));
        bytes[Array.IndexOf(bytes, (byte)1)] = 0xFF;
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new("application/json");
        return content;
    }

    public void Dispose() => factory.Dispose();
}
