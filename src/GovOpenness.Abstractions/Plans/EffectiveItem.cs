namespace GovOpenness.Abstractions.Plans;

/// <summary>An item as it applies at a body, with where it came from and what each level changed.</summary>
/// <param name="OriginBodyId">The body whose plan first had the item.</param>
/// <param name="Changes">Every change made on the way down, top first.</param>
[GenerateSerializer, Immutable, Alias("gov.EffectiveItem")]
public sealed record EffectiveItem(
    [property: Id(0)] PlanItemData Item,
    [property: Id(1)] string OriginBodyId,
    [property: Id(2)] IReadOnlyList<ItemChangeNote> Changes);
