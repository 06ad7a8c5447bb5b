using System.Text.Json;
using GovOpenness.Abstractions.Live;
using GovOpenness.Domain.Progress;

namespace GovOpenness.Server.Live;

/// <summary>
/// One summary as a viewer receives it: <c>compact</c> is the body's summary view in the push's compact
/// form (<see cref="CompactSummaryView"/>; the viewer expands it to the object GET
/// /api/bodies/{id}/summary returns). <c>pushedAt</c> (when the grain pushed it) and <c>sentAt</c> (when
/// this host handed it to SignalR) are Unix milliseconds, for measuring latency; <c>epoch</c> and
/// <c>sequence</c> order two summaries of one body, so a consumer drops an older one.
/// </summary>
/// <param name="Epoch">The view's epoch and sequence: which of two summaries of a body is the newer.</param>
public sealed record LiveSummaryMessage(string BodyId, string? ParentId, int Year, JsonElement Compact, double PushedAt, double SentAt, long Epoch, long Sequence)
{
    public static LiveSummaryMessage From(SummaryPush push) =>
        new(push.BodyId, push.ParentId, push.Year, CompactSummaryView.Of(push.View), UnixMilliseconds(push.PushedAt), 0, push.View.Epoch, push.View.Sequence);

    public static LiveSummaryMessage Current(string bodyId, string? parentId, int year, SummaryView view, DateTimeOffset now) =>
        new(bodyId, parentId, year, CompactSummaryView.Of(view), UnixMilliseconds(now), UnixMilliseconds(now), view.Epoch, view.Sequence);

    /// <summary>True when this summary was taken before <paramref name="other"/> (by epoch, then sequence).</summary>
    public bool IsOlderThan(LiveSummaryMessage other) =>
        Epoch < other.Epoch || (Epoch == other.Epoch && Sequence < other.Sequence);

    public static double UnixMilliseconds(DateTimeOffset at) => (at.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / (double)TimeSpan.TicksPerMillisecond;
}
