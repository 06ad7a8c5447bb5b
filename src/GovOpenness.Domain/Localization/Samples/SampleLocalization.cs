using System.Collections.Immutable;

namespace GovOpenness.Domain.Localization.Samples;

/// <summary>A lower body's real document recorded as changes against its parent's plan.</summary>
/// <param name="BodyId">The body.</param>
/// <param name="BodyName">Its name.</param>
/// <param name="Year">The plan's year.</param>
/// <param name="Document">The body's own document in samples/documents; null when it has none
/// (吕梁市 adopts the province plan as is).</param>
/// <param name="Localization">The changes: what gets stored for the body.</param>
/// <param name="Items">The item-by-item mapping the changes were derived from, for checking.</param>
public sealed record SampleLocalization(
    string BodyId,
    string BodyName,
    int Year,
    string? Document,
    PlanLocalization Localization,
    ImmutableArray<SampleItemMapping> Items);
