using System.Collections;
using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using GovOpenness.Domain.Localization;
using GovOpenness.Domain.Progress;

namespace GovOpenness.Grains.Pipeline;

/// <summary>
/// One job of the progress grain: the body's progress record as the journal stores it, rewritten whole on
/// every step. The options of <see cref="LocalizationJson"/> (which reads it back), leaving out what reads
/// back the same when absent: default values (a zero count, the 待签收 status, no date) and empty lists (no
/// evidence, no request ids), and the targets, which come from the plan at each activation. A township's
/// record of 30 touched items shrinks by about a third, and so does the work of writing it and of
/// committing it (issue 16: the record's JSON and the SQLite write were the largest costs left per update).
/// </summary>
/// <remarks>Records stored before, in full, read back unchanged: reading still uses <see cref="LocalizationJson"/>.</remarks>
internal static class ProgressRecordJson
{
    private static readonly JsonSerializerOptions Options = Create();

    /// <summary>The record to store: the progress without its targets.</summary>
    public static string Serialize(BodyProgress progress) => JsonSerializer.Serialize(progress with { Targets = [] }, Options);

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(LocalizationJson.Options)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingDefault,
        };
        options.TypeInfoResolver = (LocalizationJson.Options.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver()).WithAddedModifier(OmitEmptyLists);
        options.MakeReadOnly();
        return options;
    }

    // Every list in the record is an ImmutableArray initialized empty, so an absent one reads back empty.
    private static void OmitEmptyLists(JsonTypeInfo type)
    {
        foreach (var property in type.Properties)
        {
            if (property.PropertyType.IsGenericType && property.PropertyType.GetGenericTypeDefinition() == typeof(ImmutableArray<>))
            {
                property.ShouldSerialize = static (_, value) => value is not ICollection list || HasItems(list);
            }
        }
    }

    private static bool HasItems(ICollection list)
    {
        try
        {
            return list.Count > 0;
        }
        catch (InvalidOperationException)
        {
            // A default (uninitialized) array: written as before, so it fails as it always did.
            return true;
        }
    }
}
