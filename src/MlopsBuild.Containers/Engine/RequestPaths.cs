namespace MlopsBuild.Containers.Engine;

/// <summary>Builds the path and query of API requests with every value escaped.</summary>
static class RequestPaths
{
    /// <summary>An image or container reference as path segments: <c>127.0.0.1:5000/team/app:1</c> keeps its slashes.</summary>
    public static string Reference(string reference) =>
        string.Join('/', reference.Split('/').Select(Uri.EscapeDataString));

    public static string WithQuery(string path, params (string Name, string? Value)[] parameters)
    {
        var query = string.Join('&', parameters
            .Where(parameter => parameter.Value is not null)
            .Select(parameter => $"{Uri.EscapeDataString(parameter.Name)}={Uri.EscapeDataString(parameter.Value!)}"));
        return query.Length == 0 ? path : $"{path}?{query}";
    }
}
