namespace GovOpenness.Abstractions.Plans;

/// <summary>
/// The plan as it applies at one body for one year, materialized from the origin's document and every
/// localization below it. Never stored: derived on demand and cached in memory.
/// </summary>
/// <param name="Stamp">Identifies this exact version: the origin's version and every revision below it.</param>
/// <param name="OriginBodyId">The body whose own document this plan descends from.</param>
/// <param name="Dropped">Items of the parent's plan dropped here or above, the last note giving the reason.</param>
[GenerateSerializer, Immutable, Alias("gov.EffectivePlan")]
public sealed record EffectivePlan(
    [property: Id(0)] string BodyId,
    [property: Id(1)] int Year,
    [property: Id(2)] string Stamp,
    [property: Id(3)] string OriginBodyId,
    [property: Id(4)] string? Title,
    [property: Id(5)] string? DocNumber,
    [property: Id(6)] IReadOnlyList<EffectiveItem> Items,
    [property: Id(7)] IReadOnlyList<EffectiveItem> Dropped,
    [property: Id(8)] IReadOnlyList<PlanConflict> Conflicts)
{
    /// <summary>This plan as the domain's published plan, the base its children localize against.</summary>
    public GovOpenness.Domain.Localization.PublishedPlan ToPublishedPlan() =>
        new(BodyId, Year, 0, Title, DocNumber, null, [.. Items.Select(i => i.Item.ToDomain())]);
}
