namespace GovOpenness.Abstractions.Live;

/// <summary>
/// Something new waits in a body's 待办 that its summary does not show (a 催办 received): the hosts tell
/// the viewers watching that body, which then read the inbox again. It carries no content, so a viewer
/// learns nothing it could not read with GET /api/bodies/{id}/inbox.
/// </summary>
/// <param name="Kind">What arrived: <see cref="Urge"/>.</param>
/// <param name="PushedAt">When the grain pushed it (server clock), for measuring delivery latency.</param>
[GenerateSerializer, Immutable, Alias("gov.InboxPush")]
public sealed record InboxPush(
    [property: Id(0)] string BodyId,
    [property: Id(1)] string Kind,
    [property: Id(2)] DateTimeOffset PushedAt)
{
    public const string Urge = "urge";
}
