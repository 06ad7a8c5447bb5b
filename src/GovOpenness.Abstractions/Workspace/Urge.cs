namespace GovOpenness.Abstractions.Workspace;

/// <summary>催办: a supervising body urges this body, with a message.</summary>
[GenerateSerializer, Immutable, Alias("gov.UrgeNote")]
public sealed record UrgeNote(
    [property: Id(0)] string Id,
    [property: Id(1)] string FromBodyId,
    [property: Id(2)] string? FromAccount,
    [property: Id(3)] string Message,
    [property: Id(4)] DateTimeOffset At);
