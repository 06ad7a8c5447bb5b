using GovOpenness.Domain.Hierarchy;

namespace GovOpenness.Abstractions.Bodies;

/// <summary>One body as the API shows it: who it is and whom it receives plans from.</summary>
[GenerateSerializer, Immutable, Alias("gov.BodyInfo")]
public sealed record BodyInfo(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] string? ParentId,
    [property: Id(3)] BodyLevel Level);
