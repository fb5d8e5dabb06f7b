using System.Globalization;
using System.Text.Json.Nodes;
using MlopsBuild.Data.Schema;
using MlopsBuild.Learning.Features;

namespace MlopsBuild.Deployment.Smoke;

/// <summary>
/// Featurized rows turned back into the JSON a client sends: numbers as numbers, booleans as booleans, categories by
/// name, missing values as null. Each value reads back as the same float feature, so the server's predictions can be
/// held to the offline ones exactly.
/// </summary>
public static class ServerRecords
{
    public static IReadOnlyList<JsonObject> Of(ModelSignature signature, FeatureMatrix rows)
    {
        var records = new JsonObject[rows.RowCount];
        for (var row = 0; row < rows.RowCount; row++)
        {
            var record = new JsonObject();
            for (var input = 0; input < signature.Inputs.Count; input++)
                record[signature.Inputs[input].Name] = Value(signature.Inputs[input], rows.Columns[input][row]);
            records[row] = record;
        }
        return records;
    }

    static JsonNode? Value(InputColumn column, float value)
    {
        if (float.IsNaN(value)) return null;
        return column.Type switch
        {
            ColumnType.Boolean => JsonValue.Create(value != 0),
            ColumnType.Categorical => JsonValue.Create(column.Categories[(int)value]),
            ColumnType.Integer => JsonValue.Create((long)value),
            // Unix seconds back to ISO 8601: whole seconds, as a float holds date-times no finer anyway.
            ColumnType.DateTime => JsonValue.Create(DateTimeOffset.FromUnixTimeSeconds((long)value).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)),
            // The float's shortest round-trip text: the server parses it back to the same float.
            _ => JsonNode.Parse(value.ToString("R", CultureInfo.InvariantCulture)),
        };
    }
}
