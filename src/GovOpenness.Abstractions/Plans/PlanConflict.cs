namespace GovOpenness.Abstractions.Plans;

/// <summary>A body's change that no longer fits the parent's revised plan (found by the three-way merge).</summary>
[GenerateSerializer, Immutable, Alias("gov.PlanConflict")]
public sealed record PlanConflict(
    [property: Id(0)] string ItemId,
    [property: Id(1)] string Field,
    [property: Id(2)] string Message);
