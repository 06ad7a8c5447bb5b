using System.Text.Json;
using System.Text.Json.Serialization;

namespace GovOpenness.Domain.Plans;

/// <summary>
/// The JSON form of a parsed plan, shared by <c>govctl parse --json</c>, the server and alignment:
/// camelCase names, enums as camelCase strings ("by", "workingDays"), dates as yyyy-mm-dd.
/// </summary>
/// <remarks>
/// Shape: <c>{ title, issuer, docNumber, issueDate, year, items: [{ id, path, heading, text,
/// deadlines: [{ text, kind, date?, days? }], units, line }], warnings: [{ code, message, line, itemId }] }</c>.
/// Items are flat, in document order; <c>date</c> and <c>days</c> appear only where they apply.
/// </remarks>
public static class PlanJson
{
    /// <summary>The options every component uses for plan JSON.</summary>
    public static JsonSerializerOptions Options { get; } = Create(indented: false);

    /// <summary>The same options, indented for people.</summary>
    public static JsonSerializerOptions IndentedOptions { get; } = Create(indented: true);

    /// <summary>The plan as one JSON object.</summary>
    public static string Serialize(PlanDocument plan, bool indented = false)
        => JsonSerializer.Serialize(PlanJsonDocument.From(plan), indented ? IndentedOptions : Options);

    /// <summary>Reads a plan back from <see cref="Serialize"/>'s output.</summary>
    public static PlanDocument Deserialize(string json)
        => (JsonSerializer.Deserialize<PlanJsonDocument>(json, Options) ?? throw new JsonException("计划 JSON 为空。")).ToPlan();

    private static JsonSerializerOptions Create(bool indented)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            WriteIndented = indented,

            // Keep Chinese readable in the output instead of \uXXXX escapes.
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
