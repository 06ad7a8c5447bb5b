using System.Text.Encodings.Web;
using System.Text.Json;

namespace GovOpenness.Domain.Alignment;

/// <summary>
/// The JSON form of an <see cref="AlignmentReport"/>, one contract for `govctl align --json` and
/// `POST /api/align`: camelCase, Chinese kept as characters (headings are Chinese), and nulls written
/// (a deadline shift without a date says <c>"from": null</c>).
/// </summary>
public static class AlignmentJson
{
    /// <summary>Compact, for the API.</summary>
    public static JsonSerializerOptions Options { get; } = Create(indented: false);

    /// <summary>Indented, for people reading the CLI's output.</summary>
    public static JsonSerializerOptions Indented { get; } = Create(indented: true);

    public static string Serialize(AlignmentReport report) => JsonSerializer.Serialize(report, Indented);

    private static JsonSerializerOptions Create(bool indented)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            WriteIndented = indented,
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
