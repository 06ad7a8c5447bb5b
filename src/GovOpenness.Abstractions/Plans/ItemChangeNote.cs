namespace GovOpenness.Abstractions.Plans;

/// <summary>What a body changed on an item: the field, the value before and after, and who changed it.</summary>
/// <param name="Field">"deadline", "units", "text", "added" or "dropped".</param>
[GenerateSerializer, Immutable, Alias("gov.ItemChangeNote")]
public sealed record ItemChangeNote(
    [property: Id(0)] string BodyId,
    [property: Id(1)] string Field,
    [property: Id(2)] string? From,
    [property: Id(3)] string? To,
    [property: Id(4)] string? Reason = null,
    [property: Id(5)] bool ByPolicy = false);
