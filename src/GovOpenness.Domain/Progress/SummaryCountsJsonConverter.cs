using System.Text.Json;
using System.Text.Json.Serialization;

namespace GovOpenness.Domain.Progress;

/// <summary>Writes <see cref="SummaryCounts"/> as <c>{"bodies":1,"bodiesReceived":1,…}</c> and reads it
/// back; unknown properties are skipped so a newer peer's figures do not break an older reader.</summary>
internal sealed class SummaryCountsJsonConverter : JsonConverter<SummaryCounts>
{
    private static readonly string[] Names =
        [.. Enum.GetValues<SummaryFigure>().Select(f => JsonNamingPolicy.CamelCase.ConvertName(f.ToString()))];

    public override SummaryCounts Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("汇总数字应为 JSON 对象");
        }

        Span<long> values = stackalloc long[SummaryCounts.Length];
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString();
            reader.Read();
            var index = Array.FindIndex(Names, n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase));
            if (index >= 0)
            {
                values[index] = reader.GetInt64();
            }
            else
            {
                reader.Skip();
            }
        }

        return SummaryCounts.From(values);
    }

    public override void Write(Utf8JsonWriter writer, SummaryCounts value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        var values = value.Values;
        for (var i = 0; i < Names.Length; i++)
        {
            writer.WriteNumber(Names[i], values[i]);
        }

        writer.WriteEndObject();
    }
}
