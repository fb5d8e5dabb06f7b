using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace MlopsBuild.Serving.Tests;

/// <summary>The server in-process, configured as the command line would (keys as ServerSettings reads them).</summary>
public sealed class ServingFactory(IReadOnlyDictionary<string, string> settings) : WebApplicationFactory<Program>
{
    public static ServingFactory For(SampleModel model, params (string Key, string Value)[] extra) =>
        new(extra.Append(("MODEL", model.Path)).ToDictionary(s => s.Item1, s => s.Item2));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in settings) builder.UseSetting(key, value);
    }
}
