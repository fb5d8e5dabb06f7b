using System.Text.Json;
using MlopsBuild.Serving.Models;

namespace MlopsBuild.Serving.Requests;

/// <summary>
/// Reads an MLflow scoring-server request (<c>POST /invocations</c>) in any of its JSON forms:
/// <c>{"dataframe_split": {"columns": […], "data": [[…], …]}}</c>, <c>{"dataframe_records": [{col: value}, …]}</c>
/// or <c>{"instances": [{col: value}, …]}</c>. "params" is accepted and ignored.
/// </summary>
public static class MlflowRequestReader
{
    /// <exception cref="BadInputException">The request does not fit the model's inputs.</exception>
    public static InputTable Read(ServingModel model, JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
            throw BadInputException.Form(FormHint, "body");
        JsonElement? payload = null;
        string? form = null;
        foreach (var property in root.EnumerateObject())
        {
            if (property.Name == "params") continue;
            if (property.Name is not ("dataframe_split" or "dataframe_records" or "instances"))
                throw BadInputException.Form($"Unexpected key \"{property.Name}\". {FormHint}", property.Name);
            if (form is not null)
                throw BadInputException.Form($"The body has both \"{form}\" and \"{property.Name}\": send one.", property.Name);
            (form, payload) = (property.Name, property.Value);
        }
        return form switch
        {
            "dataframe_split" => ReadSplit(model, payload!.Value),
            "dataframe_records" or "instances" => ReadRecords(model, payload!.Value, form),
            _ => throw BadInputException.Form(FormHint, "body"),
        };
    }

    const string FormHint = "Send {\"dataframe_split\": {\"columns\": [...], \"data\": [[...]]}}, {\"dataframe_records\": [{...}]} or {\"instances\": [{...}]}.";

    static InputTable ReadSplit(ServingModel model, JsonElement split)
    {
        if (split.ValueKind != JsonValueKind.Object
            || !split.TryGetProperty("columns", out var columns) || columns.ValueKind != JsonValueKind.Array
            || !split.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Array)
            throw BadInputException.Form("\"dataframe_split\" needs \"columns\" (an array of names) and \"data\" (an array of rows).", "dataframe_split");
        var indexes = new int[columns.GetArrayLength()];
        var given = new bool[model.Inputs.Count];
        var c = 0;
        foreach (var column in columns.EnumerateArray())
        {
            if (column.ValueKind != JsonValueKind.String)
                throw BadInputException.WrongType("\"columns\" must hold column names as strings.", "dataframe_split.columns");
            var name = column.GetString()!;
            indexes[c++] = InputIndex(model, name, null);
            if (given[indexes[c - 1]]) throw BadInputException.Form($"Column '{name}' is given twice.", name);
            given[indexes[c - 1]] = true;
        }
        for (var input = 0; input < given.Length; input++)
            if (!given[input]) throw Missing(model, input, null);
        var rows = data.GetArrayLength();
        if (rows == 0) throw BadInputException.WrongShape("\"data\" has no rows: send at least one.", "dataframe_split.data");
        var table = new InputTable(rows, model.Inputs.Count);
        var row = 0;
        foreach (var values in data.EnumerateArray())
        {
            if (values.ValueKind != JsonValueKind.Array || values.GetArrayLength() != indexes.Length)
                throw BadInputException.WrongShape($"Row {row} of \"data\" must be an array of {indexes.Length} values, one per column.", $"dataframe_split.data[{row}]");
            var i = 0;
            foreach (var value in values.EnumerateArray()) table[row, indexes[i++]] = value;
            row++;
        }
        return table;
    }

    static InputTable ReadRecords(ServingModel model, JsonElement records, string form)
    {
        if (records.ValueKind != JsonValueKind.Array || records.GetArrayLength() == 0)
            throw BadInputException.Form($"\"{form}\" must be a non-empty array of records ({{\"column\": value, …}}).", form);
        var table = new InputTable(records.GetArrayLength(), model.Inputs.Count);
        var row = 0;
        foreach (var record in records.EnumerateArray())
        {
            if (record.ValueKind != JsonValueKind.Object)
                throw BadInputException.Form($"Record {row} of \"{form}\" must be an object ({{\"column\": value, …}}).", $"{form}[{row}]");
            foreach (var property in record.EnumerateObject())
            {
                var input = InputIndex(model, property.Name, row);
                if (table[row, input].ValueKind != JsonValueKind.Undefined)
                    throw BadInputException.Form($"Column '{property.Name}' is given twice in record {row}.", property.Name);
                table[row, input] = property.Value;
            }
            for (var input = 0; input < model.Inputs.Count; input++)
                if (table[row, input].ValueKind == JsonValueKind.Undefined) throw Missing(model, input, row);
            row++;
        }
        return table;
    }

    static int InputIndex(ServingModel model, string name, int? row) =>
        model.TryGetInput(name, out var input) ? input
        : throw BadInputException.UnknownInput(
            $"The model has no input '{name}'{(row is { } r ? $" (record {r})" : "")}. Its inputs: {string.Join(", ", model.Inputs.Select(i => i.Name))}.", name, row);

    static BadInputException Missing(ServingModel model, int input, int? row)
    {
        var name = model.Inputs[input].Name;
        return BadInputException.MissingInput(
            $"Column '{name}' is missing{(row is { } r ? $" from record {r}" : "")}: send it, with null where the value is unknown.", name, row);
    }
}
