using System.Text.Json;
using MlopsBuild.Core.Text;
using MlopsBuild.Router.Upstreams;

namespace MlopsBuild.Router.Admin;

/// <summary>The body of <c>PUT /upstream</c>: <c>{"upstream":"http://127.0.0.1:9083/","label":"v4"}</c>; the label may be absent or null.</summary>
sealed record SwitchRequest(Uri Address, string? Label)
{
    public const int MaxBytes = 64 * 1024;

    const string Example = """{"upstream":"http://127.0.0.1:9083/","label":"v4"}""";

    /// <exception cref="BadRequestException">The body is not such an object; the exception names the field.</exception>
    public static SwitchRequest Parse(ReadOnlyMemory<byte> body)
    {
        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(body);
        }
        catch (JsonException e)
        {
            throw new BadRequestException(null, $"The body is not JSON ({e.Message}); send an object such as {Example}.");
        }
        using (json)
        {
            if (JsonTextCheck.Problem(body.Span) is { } textProblem)
                throw new BadRequestException(null, $"The body is not valid JSON text: {textProblem}; send UTF-8, such as {Example}.");
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                throw new BadRequestException(null, $"The body is JSON but not an object; send an object such as {Example}.");
            foreach (var property in root.EnumerateObject())
                if (property.Name is not ("upstream" or "label"))
                    throw new BadRequestException(property.Name, $"Unknown field \"{property.Name}\": the fields are \"upstream\" and \"label\", e.g. {Example}.");

            if (!root.TryGetProperty("upstream", out var upstream) || upstream.ValueKind != JsonValueKind.String)
                throw new BadRequestException("upstream", $"\"upstream\" must be the new upstream's URL as a string, e.g. {Example}.");
            var address = UpstreamRules.ParseAddress(upstream.GetString()!, out var problem)
                ?? throw new BadRequestException("upstream", $"\"upstream\" {problem}");

            string? label = null;
            if (root.TryGetProperty("label", out var labelValue) && labelValue.ValueKind != JsonValueKind.Null)
            {
                if (labelValue.ValueKind != JsonValueKind.String)
                    throw new BadRequestException("label", "\"label\" must be a string (e.g. \"v4\") or null.");
                label = labelValue.GetString()!;
                if (UpstreamRules.LabelProblem(label) is { } labelProblem) throw new BadRequestException("label", $"\"label\" {labelProblem}");
            }
            return new SwitchRequest(address, label);
        }
    }
}
