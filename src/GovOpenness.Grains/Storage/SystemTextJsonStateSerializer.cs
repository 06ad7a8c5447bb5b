using System.Text.Json;
using System.Text.Json.Serialization;
using Orleans.Storage;

namespace GovOpenness.Grains.Storage;

/// <summary>
/// Stores grain state as System.Text.Json, not the Orleans wire format: readable in the database with
/// plain SQL, and stable when grain interfaces change.
/// </summary>
public sealed class SystemTextJsonStateSerializer : IGrainStorageSerializer
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter() },
    };

    public BinaryData Serialize<T>(T? input) => new(JsonSerializer.SerializeToUtf8Bytes(input, Options));

    public T Deserialize<T>(BinaryData input) => input.ToObjectFromJson<T>(Options)!;
}
