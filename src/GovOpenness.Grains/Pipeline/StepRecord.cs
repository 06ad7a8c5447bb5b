using System.Globalization;
using GovOpenness.Domain.Progress;

namespace GovOpenness.Grains.Pipeline;

/// <summary>
/// One job of the progress grain: how the record (留痕) of an applied step reads — the item's status
/// before → after, with the percentage reached and a review's reason ("2022年 5.3：已签收 → 办理中 40%").
/// Kept apart so the wording users read in the record is pinned by a test, not buried in the grain.
/// </summary>
internal static class StepRecord
{
    public static string Summary(int year, ProgressUpdate update, BodyProgress before, BodyProgress after)
    {
        ArgumentNullException.ThrowIfNull(update);
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var was = before.ProgressOf(update.ItemId);
        var now = after.ProgressOf(update.ItemId);
        var percent = now.Percent is { } p ? string.Create(CultureInfo.InvariantCulture, $" {p}%") : "";
        var reason = update.IsReview && update.Note is { Length: > 0 } note ? $"（{note}）" : "";
        return $"{year}年 {update.ItemId}：{ProgressNames.Of(was.Status)} → {ProgressNames.Of(now.Status)}{percent}{reason}";
    }
}
