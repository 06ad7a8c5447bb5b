namespace GovOpenness.Server.Live;

/// <summary>
/// What the hub sends to a viewer: batches of changed summaries (client method "summaries"), and
/// notices that a watched body's 待办 gained something its summary does not show (client method "inbox").
/// </summary>
public interface ICascadeClient
{
    Task Summaries(SummaryBatch batch);

    Task Inbox(InboxMessage notice);
}

/// <summary>A body's 待办 changed (<c>kind</c> "urge": a 催办 arrived); the viewer reads GET /api/bodies/{id}/inbox again.</summary>
public sealed record InboxMessage(string BodyId, string Kind, double PushedAt);
