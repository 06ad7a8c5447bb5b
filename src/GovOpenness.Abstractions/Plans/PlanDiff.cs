namespace GovOpenness.Abstractions.Plans;

/// <summary>A body's plan against its parent's: only what this body changed.</summary>
[GenerateSerializer, Immutable, Alias("gov.PlanDiff")]
public sealed record PlanDiff(
    [property: Id(0)] string BodyId,
    [property: Id(1)] string? ParentId,
    [property: Id(2)] int Year,
    [property: Id(3)] string Stamp,
    [property: Id(4)] IReadOnlyList<DiffEntry> Entries,
    [property: Id(5)] IReadOnlyList<PlanConflict> Conflicts);

/// <summary>One difference; a deadline move reads {"field":"deadline","from":"2022-11-30","to":"2022-07-31"}.</summary>
[GenerateSerializer, Immutable, Alias("gov.DiffEntry")]
public sealed record DiffEntry(
    [property: Id(0)] string ItemId,
    [property: Id(1)] string Heading,
    [property: Id(2)] string Field,
    [property: Id(3)] string? From,
    [property: Id(4)] string? To,
    [property: Id(5)] string? Reason,
    [property: Id(6)] bool ByPolicy);
