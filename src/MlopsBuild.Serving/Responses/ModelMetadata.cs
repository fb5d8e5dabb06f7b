using System.Text.Json.Serialization;
using MlopsBuild.Data.Schema;
using MlopsBuild.Serving.Models;

namespace MlopsBuild.Serving.Responses;

/// <summary>
/// The Open Inference Protocol's model metadata (<c>GET /v2/models/{name}</c>), with "parameters" that say how values
/// are read: each input's column type and categories, that null is a missing value, and that an unseen category is
/// handled as missing rather than refused.
/// </summary>
public sealed record ModelMetadata(
    string Name,
    IReadOnlyList<string> Versions,
    string Platform,
    IReadOnlyList<TensorMetadata> Inputs,
    IReadOnlyList<TensorMetadata> Outputs,
    ModelParameters Parameters)
{
    public static ModelMetadata Of(ServingModel model)
    {
        var inputs = model.Inputs.Select(input => new TensorMetadata(
            input.Name, ServingModel.DataTypeOf(input.Type), [-1],
            new TensorParameters(
                input.Type.ToString().ToLowerInvariant(),
                input.Type == ColumnType.Categorical ? input.Categories : null,
                input.Type == ColumnType.Categorical ? "handled as missing" : null))).ToArray();
        TensorMetadata[] outputs = model.IsClassifier
            ? [new(V2InferResponse.Probabilities, "FP64", [-1, model.OutputCount], null), new(V2InferResponse.Label, "BYTES", [-1], null)]
            : [new(V2InferResponse.Value, "FP64", [-1], null)];
        return new ModelMetadata(
            model.Name, [model.Version], "mlopsbuild-" + model.Model.Metadata.Trainer, inputs, outputs,
            new ModelParameters(
                model.Model.Task.ToString(), model.Model.Signature.Label, model.IsClassifier ? model.ClassNames : null,
                "sha256:" + model.Digest, model.Model.Metadata.DataFingerprint,
                "null is a missing value; every input must be present in every row"));
    }
}

/// <param name="Shape">-1 is the row count, which the request chooses.</param>
public sealed record TensorMetadata(string Name, string Datatype, IReadOnlyList<long> Shape, TensorParameters? Parameters);

/// <param name="ColumnType">The input's column type in the model's signature: numeric, integer, boolean, categorical, datetime.</param>
/// <param name="Categories">The categories the model was trained on, for a categorical input.</param>
/// <param name="UnseenCategories">What happens to any other category.</param>
public sealed record TensorParameters(
    string ColumnType,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? Categories,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? UnseenCategories);

/// <param name="Classes">Class names in the order of the "probabilities" output (classifiers only).</param>
public sealed record ModelParameters(
    string Task,
    string Label,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? Classes,
    string Digest,
    string DataFingerprint,
    string MissingValues);

/// <summary>Source-generated serialization, so the server needs no reflection (trim- and AOT-friendly).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(ModelMetadata))]
[JsonSerializable(typeof(ServerMetadata))]
public sealed partial class ServingJsonContext : JsonSerializerContext;

/// <summary>The Open Inference Protocol's server metadata (<c>GET /v2</c>).</summary>
public sealed record ServerMetadata(string Name, string Version, IReadOnlyList<string> Extensions);
