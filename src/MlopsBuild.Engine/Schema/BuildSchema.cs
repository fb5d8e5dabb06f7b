using System.Text.Json;
using MlopsBuild.Engine.Definition;
using MlopsBuild.Engine.Parameters;
using MlopsBuild.Engine.Paths;

namespace MlopsBuild.Engine.Schema;

/// <summary>
/// Generates <c>.nuke/build.schema.json</c> from the build class (a JSON Schema of <c>parameters.json</c>),
/// so editors complete parameter names, target names and enum values.
/// </summary>
internal static class BuildSchema
{
    public static string Generate(IReadOnlyList<ExecutableTarget> targets, IReadOnlyList<ParameterMember> parameters)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("$schema", "http://json-schema.org/draft-07/schema#");
            json.WriteString("title", "Build parameters");
            json.WriteString("type", "object");
            json.WriteStartObject("definitions");
            json.WriteStartObject("Target");
            json.WriteString("type", "string");
            WriteEnum(json, targets.Select(t => t.Name));
            json.WriteEndObject();
            foreach (var enumType in parameters.Select(p => ElementType(p.Type)).Where(t => t.IsEnum).Distinct().OrderBy(t => t.Name, StringComparer.Ordinal))
            {
                json.WriteStartObject(enumType.Name);
                json.WriteString("type", "string");
                WriteEnum(json, Enum.GetNames(enumType));
                json.WriteEndObject();
            }
            json.WriteEndObject();

            json.WriteStartObject("properties");
            json.WriteStartObject("$schema");
            json.WriteString("type", "string");
            json.WriteEndObject();
            foreach (var parameter in parameters)
            {
                json.WriteStartObject(parameter.Name);
                if (parameter.Description is not null) json.WriteString("description", parameter.Description);
                var targetList = parameter.IsEngineOption && parameter.Name is "Target" or "Skip" or "Force";
                if (parameter.Type.IsArray)
                {
                    json.WriteString("type", "array");
                    json.WriteStartObject("items");
                    WriteType(json, ElementType(parameter.Type), targetList);
                    json.WriteEndObject();
                }
                else WriteType(json, parameter.Type, targetList);
                json.WriteEndObject();
            }
            json.WriteEndObject();
            json.WriteBoolean("additionalProperties", false);
            json.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    static void WriteType(Utf8JsonWriter json, Type type, bool isTargetName)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        if (isTargetName) json.WriteString("$ref", "#/definitions/Target");
        else if (underlying.IsEnum) json.WriteString("$ref", $"#/definitions/{underlying.Name}");
        else if (underlying == typeof(bool)) json.WriteString("type", "boolean");
        else if (underlying == typeof(int) || underlying == typeof(long) || underlying == typeof(short)) json.WriteString("type", "integer");
        else if (underlying == typeof(double) || underlying == typeof(float) || underlying == typeof(decimal)) json.WriteString("type", "number");
        else
        {
            json.WriteString("type", "string");
            if (underlying == typeof(AbsolutePath)) json.WriteString("format", "path");
        }
    }

    static Type ElementType(Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        return underlying.IsArray ? underlying.GetElementType()! : underlying;
    }

    static void WriteEnum(Utf8JsonWriter json, IEnumerable<string> values)
    {
        json.WriteStartArray("enum");
        foreach (var value in values) json.WriteStringValue(value);
        json.WriteEndArray();
    }
}
