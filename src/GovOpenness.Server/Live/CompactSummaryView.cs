using System.Buffers;
using System.Text.Json;
using GovOpenness.Domain.Localization;
using GovOpenness.Domain.Progress;

namespace GovOpenness.Server.Live;

/// <summary>
/// A summary view as the live push sends it: the same figures as GET /api/bodies/{id}/summary, with the
/// names that repeat in every push left out, so a viewer parses a third of the bytes. Every viewer of
/// a county parses each of its changes, with the ranking of all its children, and at 3,000 viewers the
/// parsing of those names was the largest cost of a delivery. The viewer
/// (ClientApp/src/live-wire.ts) expands it back to the API's object:
/// <code>
/// {"counts":[…],                    the figures in SummaryFigure order (that enum is append-only)
///  "extremes":{…},                  as the API writes them
///  "light":"green",
///  "score":[score, onTimeShare, completionShare, acceptedShare, overdueShare, overdueItems],
///  "ranking":[[rank, "bodyId", score, onTimeShare, completionShare, acceptedShare, overdueShare, overdueItems], …]}
/// </code>
/// The body id, year, epoch and sequence travel beside it, in the message.
/// </summary>
public static class CompactSummaryView
{
    public static JsonElement Of(SummaryView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("counts");
            foreach (var value in view.Summary.Counts.Values)
            {
                writer.WriteNumberValue(value);
            }

            writer.WriteEndArray();
            writer.WritePropertyName("extremes");
            JsonSerializer.Serialize(writer, view.Summary.Extremes, LocalizationJson.Options);
            writer.WritePropertyName("light");
            JsonSerializer.Serialize(writer, view.Light, LocalizationJson.Options);
            writer.WriteStartArray("score");
            WriteScore(writer, view.Score);
            writer.WriteEndArray();
            writer.WriteStartArray("ranking");
            foreach (var ranked in view.Ranking)
            {
                writer.WriteStartArray();
                writer.WriteNumberValue(ranked.Rank);
                writer.WriteStringValue(ranked.BodyId);
                WriteScore(writer, ranked.Score);
                writer.WriteEndArray();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return JsonSerializer.Deserialize<JsonElement>(buffer.WrittenSpan);
    }

    private static void WriteScore(Utf8JsonWriter writer, AssessmentScore score)
    {
        writer.WriteNumberValue(score.Score);
        writer.WriteNumberValue(score.OnTimeShare);
        writer.WriteNumberValue(score.CompletionShare);
        writer.WriteNumberValue(score.AcceptedShare);
        writer.WriteNumberValue(score.OverdueShare);
        writer.WriteNumberValue(score.OverdueItems);
    }
}
