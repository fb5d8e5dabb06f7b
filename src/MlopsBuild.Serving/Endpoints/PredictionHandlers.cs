using System.Text.Json;
using Microsoft.AspNetCore.Http;
using MlopsBuild.Serving.Models;
using MlopsBuild.Serving.Monitoring;
using MlopsBuild.Serving.Requests;
using MlopsBuild.Serving.Responses;

namespace MlopsBuild.Serving.Endpoints;

/// <summary>
/// The two scoring endpoints: Open Inference Protocol infer and MLflow invocations. Both read the body, validate it
/// against the model's signature, score, count, sample into the prediction log and answer; bad input is a problem
/// response, never an exception that escapes.
/// </summary>
public sealed class PredictionHandlers(ServingModel model, long maxBodyBytes, ServerMetrics metrics, PredictionLog? predictionLog)
{
    const string Json = "application/json";

    public async Task InferAsync(HttpContext context)
    {
        try
        {
            var name = (string)context.Request.RouteValues["name"]!;
            if (name != model.Name) throw BadInputException.ModelNotFound(name, model.Name);
            using var body = await JsonBody.ReadAsync(context.Request, maxBodyBytes, context.RequestAborted);
            var (table, id) = V2InferRequestReader.Read(model, body.Root);
            using var rows = Score(table);
            await JsonResponse.WriteAsync(context, StatusCodes.Status200OK, Json, (model, id, rows),
                static (writer, s) => V2InferResponse.Write(writer, s.model, s.id, s.rows));
        }
        catch (BadInputException problem)
        {
            await ProblemResponse.WriteAsync(context, problem);
        }
    }

    public async Task InvocationsAsync(HttpContext context)
    {
        try
        {
            using var body = await JsonBody.ReadAsync(context.Request, maxBodyBytes, context.RequestAborted);
            var table = MlflowRequestReader.Read(model, body.Root);
            using var rows = Score(table);
            await JsonResponse.WriteAsync(context, StatusCodes.Status200OK, Json, (model, rows),
                static (writer, s) => MlflowResponse.Write(writer, s.model, s.rows));
        }
        catch (BadInputException problem)
        {
            await ProblemResponse.WriteAsync(context, problem);
        }
    }

    /// <summary>Model metadata; a different name is a 404 problem.</summary>
    public Task MetadataAsync(HttpContext context, ModelMetadata metadata)
    {
        var name = (string)context.Request.RouteValues["name"]!;
        if (name != model.Name) return ProblemResponse.WriteAsync(context, BadInputException.ModelNotFound(name, model.Name));
        context.Response.ContentType = Json;
        return JsonSerializer.SerializeAsync(context.Response.Body, metadata, ServingJsonContext.Default.ModelMetadata, context.RequestAborted);
    }

    ScoredRows Score(InputTable table)
    {
        var rows = ScoredRows.Score(model, table);
        metrics.RecordPredictions(rows);
        if (predictionLog is not null && predictionLog.ShouldSample())
        {
            var now = DateTimeOffset.UtcNow;
            for (var row = 0; row < rows.RowCount; row++) predictionLog.Add(PredictionLogLine.Build(model, table, rows, row, now));
        }
        return rows;
    }
}
