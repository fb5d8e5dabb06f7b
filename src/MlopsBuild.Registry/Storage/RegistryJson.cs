using System.Text.Json.Serialization;
using MlopsBuild.Registry.Errors;

namespace MlopsBuild.Registry.Storage;

/// <summary>Compiled JSON (de)serialisers: listing 10,000 versions must not pay for reflection.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(VersionRecordFile))]
[JsonSerializable(typeof(AuditLine))]
[JsonSerializable(typeof(IndexFile))]
[JsonSerializable(typeof(LockHolder))]
internal sealed partial class RegistryJson : JsonSerializerContext;
