// The inference server: dotnet MlopsBuild.Serving.dll --model model.mlmodel --port 8080 (see ServerSettings).
return await MlopsBuild.Serving.ServerProgram.RunAsync(args);

/// <summary>The entry point, public so that in-process tests can host the app (WebApplicationFactory&lt;Program&gt;).</summary>
public partial class Program;
