using GovOpenness.Domain.Progress;

namespace GovOpenness.Abstractions.Live;

/// <summary>
/// One body's summary as pushed to the web hosts: the same view GET /api/bodies/{id}/summary
/// returns, tagged with whose it is and its parent (a viewer of the parent sees its children change).
/// </summary>
/// <param name="PushedAt">When the progress grain pushed it (server clock), for measuring delivery latency.</param>
[GenerateSerializer, Immutable, Alias("gov.SummaryPush")]
public sealed record SummaryPush(
    [property: Id(0)] string BodyId,
    [property: Id(1)] string? ParentId,
    [property: Id(2)] int Year,
    [property: Id(3)] SummaryView View,
    [property: Id(4)] DateTimeOffset PushedAt);
