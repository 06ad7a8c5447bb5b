namespace GovOpenness.Abstractions.Plans;

/// <summary>
/// A body's localization of its parent's plan for a year. It replaces the body's previous changes as a
/// whole, so sending it twice is harmless. An empty list adopts the parent's plan as is.
/// </summary>
/// <param name="IfMatch">The plan version (stamp) the writer based this on; when set and the plan has
/// moved on meanwhile, the command is refused as a conflict saying what changed.</param>
[GenerateSerializer, Immutable, Alias("gov.LocalizeCommand")]
public sealed record LocalizeCommand(
    [property: Id(0)] int Year,
    [property: Id(1)] IReadOnlyList<ItemChange> Changes,
    [property: Id(2)] LocalizationPolicyData? Policy = null,
    [property: Id(3)] DateOnly? Today = null,
    [property: Id(4)] string? IfMatch = null);
