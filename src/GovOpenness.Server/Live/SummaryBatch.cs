using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace GovOpenness.Server.Live;

/// <summary>
/// One batch of summaries as sent to viewers (client method "summaries"), serialized to JSON once when
/// it is made: a group's batch goes to each member connection by connection (a stalled viewer must hold
/// up nobody), and each of those sends copies these bytes instead of serializing the summaries again.
/// On the wire it is the JSON array of <see cref="LiveSummaryMessage"/> it was made from.
/// </summary>
/// <remarks>
/// The bytes are written into the hub message as they are, which the JSON hub protocol (the only one
/// this hub registers) allows; a binary protocol would need its own encoding.
/// </remarks>
[JsonConverter(typeof(SummaryBatchJsonConverter))]
public sealed class SummaryBatch
{
    /// <summary>The shape SignalR's JSON protocol gives the messages (camelCase, nulls written), without escaping Chinese text.</summary>
    private static readonly JsonSerializerOptions WireOptions = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private SummaryBatch(IReadOnlyList<LiveSummaryMessage> messages, byte[] json) => (Messages, Json) = (messages, json);

    public IReadOnlyList<LiveSummaryMessage> Messages { get; }

    /// <summary>The messages as a UTF-8 JSON array.</summary>
    public ReadOnlyMemory<byte> Json { get; }

    public static SummaryBatch Of(IReadOnlyList<LiveSummaryMessage> messages) =>
        new(messages, JsonSerializer.SerializeToUtf8Bytes(messages, WireOptions));

    private sealed class SummaryBatchJsonConverter : JsonConverter<SummaryBatch>
    {
        public override SummaryBatch Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            throw new NotSupportedException("A summary batch is only sent, never read");

        public override void Write(Utf8JsonWriter writer, SummaryBatch value, JsonSerializerOptions options) =>
            writer.WriteRawValue(value.Json.Span, skipInputValidation: true);
    }
}
