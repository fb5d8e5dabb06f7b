using System.Text.Json;
using MlopsBuild.Core.Text;
using MlopsBuild.Data.Schema;
using MlopsBuild.Learning.Features;
using MlopsBuild.Learning.Training;

namespace MlopsBuild.Learning.Persistence;

/// <summary>
/// Reads the model file's JSON header into explicit values, key by key: no type names, no reflection. A missing key or
/// a value of the wrong kind fails with the key's path ("header signature.inputs[2].type"). What the values mean
/// together (category lists, class counts) is <see cref="HeaderChecks"/>' job.
/// </summary>
internal static class HeaderReader
{
    static readonly JsonDocumentOptions Options = new() { MaxDepth = 8 };

    public static ModelFileInfo Read(ReadOnlySpan<byte> header, int formatVersion)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(header.ToArray(), Options);
        }
        catch (JsonException e)
        {
            throw new InvalidModelException("header", $"not valid JSON ({e.Message})");
        }
        using (document)
        {
            // Strings are read below, where a bad byte or half a surrogate pair would throw without saying where.
            if (JsonTextCheck.Problem(header) is { } problem) throw new InvalidModelException("header", problem);
            var root = Object(document.RootElement, "");
            var task = ModelWords.ValueOf(ModelWords.Tasks, String(root, HeaderKeys.Task, ""), Location(HeaderKeys.Task));
            var predictor = Object(Property(root, HeaderKeys.Predictor, ""), HeaderKeys.Predictor);
            var kindPath = Path(HeaderKeys.Predictor, HeaderKeys.Kind);
            var kind = ModelWords.ValueOf(ModelWords.PredictorKinds, String(predictor, HeaderKeys.Kind, HeaderKeys.Predictor), Location(kindPath));
            var scoreCount = Count(predictor, HeaderKeys.ScoreCount, HeaderKeys.Predictor);
            var partKey = kind == PredictorKind.TreeEnsemble ? HeaderKeys.Trees : HeaderKeys.Terms;
            var parts = Count(predictor, partKey, HeaderKeys.Predictor);
            return new ModelFileInfo(
                formatVersion, task, kind, scoreCount,
                TreeCount: kind == PredictorKind.TreeEnsemble ? parts : 0,
                TermCount: kind == PredictorKind.Linear ? parts : 0,
                ReadSignature(Object(Property(root, HeaderKeys.Signature, ""), HeaderKeys.Signature)),
                ReadTraining(Object(Property(root, HeaderKeys.Training, ""), HeaderKeys.Training)));
        }
    }

    static ModelSignature ReadSignature(JsonElement signature)
    {
        const string path = HeaderKeys.Signature;
        var inputs = new List<InputColumn>();
        var inputsPath = Path(path, HeaderKeys.Inputs);
        foreach (var (input, index) in Array(Property(signature, HeaderKeys.Inputs, path), inputsPath).Select((element, index) => (element, index)))
        {
            var inputPath = $"{inputsPath}[{index}]";
            Object(input, inputPath);
            var type = ColumnTypeOf(input, HeaderKeys.Type, inputPath);
            var categories = type == ColumnType.Categorical ? Strings(input, HeaderKeys.Categories, inputPath) : [];
            inputs.Add(new InputColumn(String(input, HeaderKeys.Name, inputPath), type, categories));
        }
        return new ModelSignature(
            inputs,
            String(signature, HeaderKeys.Label, path),
            ColumnTypeOf(signature, HeaderKeys.LabelType, path),
            Strings(signature, HeaderKeys.ClassNames, path));
    }

    static TrainingMetadata ReadTraining(JsonElement training)
    {
        const string path = HeaderKeys.Training;
        var parametersPath = Path(path, HeaderKeys.Parameters);
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var parameter in Object(Property(training, HeaderKeys.Parameters, path), parametersPath).EnumerateObject())
        {
            var parameterPath = Path(parametersPath, parameter.Name);
            if (!parameters.TryAdd(parameter.Name, StringValue(parameter.Value, parameterPath)))
                throw new InvalidModelException(Location(parameterPath), "the parameter is given twice");
        }
        var seedPath = Path(path, HeaderKeys.Seed);
        if (!Number(Property(training, HeaderKeys.Seed, path), seedPath).TryGetUInt64(out var seed))
            throw new InvalidModelException(Location(seedPath), "the seed is not a whole number from 0 to 2^64 - 1");
        var rowsPath = Path(path, HeaderKeys.TrainingRows);
        if (!Number(Property(training, HeaderKeys.TrainingRows, path), rowsPath).TryGetInt64(out var rows) || rows < 0)
            throw new InvalidModelException(Location(rowsPath), "the training row count is not a whole number ≥ 0");
        return new TrainingMetadata(
            String(training, HeaderKeys.Trainer, path), parameters, seed, String(training, HeaderKeys.DataFingerprint, path), rows);
    }

    static ColumnType ColumnTypeOf(JsonElement parent, string key, string path) =>
        ModelWords.ValueOf(ModelWords.ColumnTypes, String(parent, key, path), Location(Path(path, key)));

    static int Count(JsonElement parent, string key, string path)
    {
        var countPath = Path(path, key);
        if (!Number(Property(parent, key, path), countPath).TryGetInt32(out var count) || count < 0)
            throw new InvalidModelException(Location(countPath), "not a whole number from 0 to 2^31 - 1");
        return count;
    }

    static string[] Strings(JsonElement parent, string key, string path)
    {
        var arrayPath = Path(path, key);
        return Array(Property(parent, key, path), arrayPath).Select((element, index) => StringValue(element, $"{arrayPath}[{index}]")).ToArray();
    }

    static string String(JsonElement parent, string key, string path) => StringValue(Property(parent, key, path), Path(path, key));

    static string StringValue(JsonElement element, string path)
    {
        if (element.ValueKind != JsonValueKind.String)
            throw new InvalidModelException(Location(path), $"expected a string, found {Describe(element.ValueKind)}");
        return element.GetString()!;
    }

    static JsonElement Number(JsonElement element, string path) =>
        element.ValueKind == JsonValueKind.Number ? element
        : throw new InvalidModelException(Location(path), $"expected a number, found {Describe(element.ValueKind)}");

    static JsonElement.ArrayEnumerator Array(JsonElement element, string path) =>
        element.ValueKind == JsonValueKind.Array ? element.EnumerateArray()
        : throw new InvalidModelException(Location(path), $"expected an array, found {Describe(element.ValueKind)}");

    static JsonElement Object(JsonElement element, string path) =>
        element.ValueKind == JsonValueKind.Object ? element
        : throw new InvalidModelException(Location(path), $"expected an object, found {Describe(element.ValueKind)}");

    static JsonElement Property(JsonElement parent, string key, string path) =>
        parent.TryGetProperty(key, out var value) ? value : throw new InvalidModelException(Location(path), $"'{key}' is missing");

    static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.Null => "null",
        _ => kind.ToString().ToLowerInvariant(),
    };

    static string Path(string parent, string key) => parent.Length == 0 ? key : $"{parent}.{key}";

    static string Location(string path) => path.Length == 0 ? "header" : $"header {path}";
}
