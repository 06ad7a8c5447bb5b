using System.Text;
using System.Text.Json;

namespace GovOpenness.Server.Tests.Contract;

/// <summary>
/// Writes the viewer's TypeScript types from the server's OpenAPI document: one declaration per
/// component schema, in name order, so the same document always gives the same file.
/// </summary>
internal static class OpenApiTypeScript
{
    public const string Header =
        "// Generated from the server's OpenAPI document (/openapi/v1.json) by OpenApiContractTests: do not edit.\n" +
        "// After changing an endpoint: GOVOPENNESS_UPDATE_API_TYPES=1 dotnet test --filter OpenApiContractTests\n";

    public static string Generate(JsonElement document)
    {
        var text = new StringBuilder(Header);
        var schemas = document.GetProperty("components").GetProperty("schemas");
        foreach (var schema in schemas.EnumerateObject().OrderBy(s => s.Name, StringComparer.Ordinal))
        {
            text.Append('\n');
            if (schema.Value.TryGetProperty("enum", out var values))
            {
                var names = values.EnumerateArray().Select(v => v.ValueKind == JsonValueKind.String ? $"\"{v.GetString()}\"" : v.GetRawText());
                text.Append($"export type {schema.Name} = {string.Join(" | ", names)};\n");
                continue;
            }

            if (!schema.Value.TryGetProperty("properties", out var properties))
            {
                text.Append($"export type {schema.Name} = {TypeOf(schema.Value)};\n");
                continue;
            }

            var required = schema.Value.TryGetProperty("required", out var r)
                ? r.EnumerateArray().Select(x => x.GetString()).ToHashSet()
                : [];
            text.Append($"export interface {schema.Name} {{\n");
            foreach (var property in properties.EnumerateObject())
            {
                var type = TypeOf(property.Value);
                // Nulls are not written (WhenWritingNull): a nullable member may be absent even when required.
                var optional = !required.Contains(property.Name) || type.EndsWith(" | null", StringComparison.Ordinal);
                text.Append($"  {property.Name}{(optional ? "?" : "")}: {type};\n");
            }

            text.Append("}\n");
        }

        return text.ToString();
    }

    private static string TypeOf(JsonElement schema)
    {
        if (schema.TryGetProperty("$ref", out var reference))
        {
            return reference.GetString()!.Split('/')[^1];
        }

        foreach (var union in new[] { "oneOf", "anyOf" })
        {
            if (schema.TryGetProperty(union, out var parts))
            {
                return Join(parts.EnumerateArray().Select(TypeOf));
            }
        }

        if (schema.TryGetProperty("enum", out var values))
        {
            return Join(values.EnumerateArray().Select(v => v.ValueKind == JsonValueKind.String ? $"\"{v.GetString()}\"" : v.GetRawText()));
        }

        if (!schema.TryGetProperty("type", out var type))
        {
            return "unknown";
        }

        var kinds = type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.GetString()!).ToList() : [type.GetString()!];
        return Join(kinds.Select(kind => kind switch
        {
            "string" => "string",
            "integer" or "number" => "number",
            "boolean" => "boolean",
            "null" => "null",
            "array" => ArrayOf(schema),
            "object" => ObjectOf(schema),
            _ => "unknown",
        }));
    }

    private static string ArrayOf(JsonElement schema)
    {
        var item = schema.TryGetProperty("items", out var items) ? TypeOf(items) : "unknown";
        return item.Contains(' ', StringComparison.Ordinal) ? $"({item})[]" : $"{item}[]";
    }

    private static string ObjectOf(JsonElement schema) =>
        schema.TryGetProperty("additionalProperties", out var values) && values.ValueKind == JsonValueKind.Object
            ? $"Record<string, {TypeOf(values)}>"
            : "Record<string, unknown>";

    /// <summary>A union with null last, so "T | null" reads as the optional form.</summary>
    private static string Join(IEnumerable<string> types)
    {
        var distinct = types.Distinct().ToList();
        var ordered = distinct.Where(t => t != "null").Concat(distinct.Where(t => t == "null"));
        return string.Join(" | ", ordered);
    }
}
