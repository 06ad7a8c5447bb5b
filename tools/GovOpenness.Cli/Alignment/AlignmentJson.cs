using System.Text.Encodings.Web;
using System.Text.Json;
using GovOpenness.Domain.Alignment;

// Not "GovOpenness.Cli.Alignment": that name would hide ScottPlot's Alignment enum in the rest of the tool.
namespace GovOpenness.Cli.AlignmentViews;

/// <summary>The JSON form of an alignment: camelCase, Chinese kept readable, indented.</summary>
internal static class AlignmentJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,

        // Headings are Chinese: keep them as characters, not \uXXXX escapes, so the output is readable.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Serialize(AlignmentReport report) => JsonSerializer.Serialize(report, Options);
}
