using System.Text.Json;
using MlopsBuild.Data.Schema;
using MlopsBuild.Serving.Models;

namespace MlopsBuild.Serving.Requests;

/// <summary>
/// Reads an Open Inference Protocol (v2) infer request: <c>{"id": …, "inputs": [{"name", "shape": [N], "datatype",
/// "data": [N values]}, …]}</c>, one tensor per model input. "outputs" and "parameters" are accepted and ignored
/// (every output is returned).
/// </summary>
public static class V2InferRequestReader
{
    /// <summary>The rows, and the request's "id" (echoed in the response) or null.</summary>
    /// <exception cref="BadInputException">The request does not fit the model's inputs.</exception>
    public static (InputTable Table, string? Id) Read(ServingModel model, JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
            throw BadInputException.Form("The body must be a JSON object with an \"inputs\" array.", "body");
        string? id = null;
        if (root.TryGetProperty("id", out var idElement))
            id = idElement.ValueKind == JsonValueKind.String ? idElement.GetString()
                : throw BadInputException.WrongType("\"id\" must be a string.", "id");
        if (!root.TryGetProperty("inputs", out var inputs) || inputs.ValueKind != JsonValueKind.Array || inputs.GetArrayLength() == 0)
            throw BadInputException.Form("The body needs an \"inputs\" array with one tensor per model input (see GET /v2/models/{name}).", "inputs");

        InputTable? table = null;
        foreach (var tensor in inputs.EnumerateArray())
        {
            var name = TensorName(tensor);
            if (!model.TryGetInput(name, out var input))
                throw BadInputException.UnknownInput($"The model has no input '{name}'. Its inputs: {string.Join(", ", model.Inputs.Select(i => i.Name))}.", name);
            var data = TensorData(tensor, name);
            var rows = data.GetArrayLength();
            CheckShape(tensor, name, rows);
            CheckDataType(tensor, name, model.Inputs[input].Type);
            table ??= new InputTable(rows, model.Inputs.Count);
            if (rows != table.RowCount)
                throw BadInputException.WrongShape($"Input '{name}' has {rows} values but the first input has {table.RowCount}: every input needs one value per row.", name);
            if (table[0, input].ValueKind != JsonValueKind.Undefined)
                throw BadInputException.Form($"Input '{name}' is given twice.", name);
            var row = 0;
            foreach (var value in data.EnumerateArray()) table[row++, input] = value;
        }
        for (var input = 0; input < model.Inputs.Count; input++)
            if (table![0, input].ValueKind == JsonValueKind.Undefined)
            {
                var name = model.Inputs[input].Name;
                throw BadInputException.MissingInput($"Input '{name}' is missing: send it as a tensor (datatype {ServingModel.DataTypeOf(model.Inputs[input].Type)}), with null values where it is unknown.", name);
            }
        return (table!, id);
    }

    static string TensorName(JsonElement tensor)
    {
        if (tensor.ValueKind == JsonValueKind.Object && tensor.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String)
            return name.GetString()!;
        throw BadInputException.Form("Every element of \"inputs\" must be an object with a \"name\" string.", "inputs");
    }

    static JsonElement TensorData(JsonElement tensor, string name)
    {
        if (!tensor.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Array)
            throw BadInputException.Form($"Input '{name}' needs a \"data\" array.", name);
        if (data.GetArrayLength() == 0)
            throw BadInputException.WrongShape($"Input '{name}' has no values: send at least one row.", name);
        return data;
    }

    static void CheckShape(JsonElement tensor, string name, int rows)
    {
        if (!tensor.TryGetProperty("shape", out var shape) || shape.ValueKind != JsonValueKind.Array)
            throw BadInputException.WrongShape($"Input '{name}' needs a \"shape\": [{rows}].", name);
        if (shape.GetArrayLength() != 1 || !shape[0].TryGetInt64(out var length) || length != rows)
            throw BadInputException.WrongShape($"Input '{name}' has shape {shape.GetRawText()} and {rows} values: each input is a flat tensor of shape [rows], here [{rows}].", name);
    }

    static void CheckDataType(JsonElement tensor, string name, ColumnType type)
    {
        if (!tensor.TryGetProperty("datatype", out var element) || element.ValueKind != JsonValueKind.String)
            throw BadInputException.WrongType($"Input '{name}' needs a \"datatype\": {ServingModel.DataTypeOf(type)}.", name);
        var datatype = element.GetString()!;
        var fits = type switch
        {
            ColumnType.Numeric => datatype is "FP64" or "FP32" or "FP16" || IsInteger(datatype),
            ColumnType.Integer => IsInteger(datatype),
            ColumnType.Boolean => datatype == "BOOL",
            _ => datatype == "BYTES",
        };
        if (!fits)
            throw BadInputException.WrongType($"Input '{name}' is sent as {datatype}: it takes {ServingModel.DataTypeOf(type)}.", name);
    }

    static bool IsInteger(string datatype) =>
        datatype is "INT8" or "INT16" or "INT32" or "INT64" or "UINT8" or "UINT16" or "UINT32" or "UINT64";
}
