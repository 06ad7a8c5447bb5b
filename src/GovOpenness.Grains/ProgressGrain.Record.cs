using System.Globalization;
using GovOpenness.Domain.Progress;
using GovOpenness.Grains.Storage.Audit;

namespace GovOpenness.Grains;

public sealed partial class ProgressGrain
{
    /// <summary>
    /// The record (留痕) of an applied step, committed in the same journal batch as the step: the item's
    /// status before → after ("5.3：已签收 → 办理中 40%"). Null when no account acts (replay, seeding).
    /// </summary>
    private AuditEntry? RecordOf(ProgressUpdate update, BodyProgress after)
    {
        var before = _progress.ProgressOf(update.ItemId);
        var now = after.ProgressOf(update.ItemId);
        var percent = now.Percent is { } p ? string.Create(CultureInfo.InvariantCulture, $" {p}%") : "";
        var reason = update.IsReview && update.Note is { Length: > 0 } note ? $"（{note}）" : "";
        var summary = $"{_year}年 {update.ItemId}：{ProgressNames.Of(before.Status)} → {ProgressNames.Of(now.Status)}{percent}{reason}";
        return ActContext.Entry(clock.Time.GetUtcNow(), _bodyId, update.IsReview ? AuditKinds.Review : AuditKinds.Progress, summary, update.RequestId);
    }
}
