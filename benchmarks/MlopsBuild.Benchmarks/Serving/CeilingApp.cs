using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace MlopsBuild.Benchmarks.Serving;

/// <summary>
/// The ceiling: a bare minimal-API app (the server's builder and logging) whose infer route answers a constant, the
/// same bytes the real server answers, without reading the body.
/// </summary>
internal static class CeilingApp
{
    public static int Run(int port, string constant)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        app.MapGet("/v2/health/ready", () => "{\"ready\":true}");
        app.MapPost("/v2/models/{name}/infer", context =>
        {
            context.Response.ContentType = "application/json";
            return context.Response.WriteAsync(constant);
        });
        app.Run();
        return 0;
    }
}
