namespace MlopsBuild.Containers.Engine;

/// <summary>One step of how an image was made (GET /images/{name}/history).</summary>
/// <param name="CreatedBy">The instruction, e.g. <c>/bin/sh -c #(nop) COPY dir:… in /app/</c>.</param>
/// <param name="Size">The bytes of the layer the step added; 0 for a step that only changed the image's settings.</param>
public sealed record ImageHistoryEntry(DateTimeOffset Created, string CreatedBy, string Comment, long Size);
