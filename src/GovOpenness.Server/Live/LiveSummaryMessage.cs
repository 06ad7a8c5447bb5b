using System.Text.Json;
using GovOpenness.Abstractions.Live;
using GovOpenness.Domain.Localization;
using GovOpenness.Domain.Progress;

namespace GovOpenness.Server.Live;

/// <summary>
/// One summary as a viewer receives it (the viewer's <c>LiveSummary</c>): <c>view</c> is the same JSON
/// object GET /api/bodies/{id}/summary returns. <c>pushedAt</c> (when the grain pushed it) and
/// <c>sentAt</c> (when this host handed it to SignalR) are Unix milliseconds, for measuring latency
/// and for the viewer to drop a summary older than one it already has.
/// </summary>
public sealed record LiveSummaryMessage(string BodyId, string? ParentId, int Year, JsonElement View, double PushedAt, double SentAt)
{
    public static LiveSummaryMessage From(SummaryPush push) =>
        new(push.BodyId, push.ParentId, push.Year, JsonSerializer.SerializeToElement(push.View, LocalizationJson.Options), UnixMilliseconds(push.PushedAt), 0);

    public static LiveSummaryMessage Current(string bodyId, string? parentId, int year, SummaryView view, DateTimeOffset now) =>
        new(bodyId, parentId, year, JsonSerializer.SerializeToElement(view, LocalizationJson.Options), UnixMilliseconds(now), UnixMilliseconds(now));

    public static double UnixMilliseconds(DateTimeOffset at) => (at.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / (double)TimeSpan.TicksPerMillisecond;
}
