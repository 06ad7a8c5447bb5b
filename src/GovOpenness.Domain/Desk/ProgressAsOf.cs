using GovOpenness.Domain.Progress;

namespace GovOpenness.Domain.Desk;

/// <summary>
/// A body's progress as it stood at the end of a past day, rebuilt from the days the journal's record
/// keeps for each step (签收 <see cref="ItemProgress.AcknowledgedOn"/>, 反馈 <see cref="ItemProgress.ReportedOn"/>,
/// 办结 <see cref="ItemProgress.ClosedOn"/>) and the plan's milestones. So a 2022 plan viewed in 2026 can be
/// judged on 2022-12-31, when its items were last looked at, rather than as a wall of red.
/// </summary>
/// <remarks>
/// The record keeps the day of the last report only: an item returned and reported again after
/// <c>day</c> is shown as not yet reported on <c>day</c> (it was, then, either reported or back in
/// progress; the record cannot tell which). 办理 has no day of its own: an item acknowledged by then and
/// in progress now is shown in progress, with the percentage it has now.
/// </remarks>
public static class ProgressAsOf
{
    /// <summary>The progress at the end of <paramref name="day"/>; the same record when nothing happened after it.</summary>
    public static BodyProgress At(BodyProgress body, DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(body);
        var m = body.Milestones;
        var milestones = new PlanMilestones(
            Before(m.ParentIssuedOn, day), Before(m.ReceivedOn, day), Before(m.LocalizedOn, day), Before(m.PublishedOn, day));
        return body with
        {
            Milestones = milestones,
            Items = [.. body.Items.Select(i => ItemAt(i, day)).Where(i => i.Status != ItemStatus.Pending)],
        };
    }

    /// <summary>One item at the end of <paramref name="day"/>.</summary>
    public static ItemProgress ItemAt(ItemProgress item, DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (item.ClosedOn is { } closed && closed <= day)
        {
            return item;
        }

        // Every step it records happened by then: the item stands as it does now.
        if (item.Status is ItemStatus.Acknowledged or ItemStatus.InProgress && item.AcknowledgedOn <= day && (item.ReportedOn ?? day) <= day)
        {
            return item;
        }

        if (item.ReportedOn is { } reported && reported <= day && item.Status is ItemStatus.Reported or ItemStatus.Closed)
        {
            return item with { Status = ItemStatus.Reported, ClosedOn = null, Percent = 100 };
        }

        if (item.AcknowledgedOn is { } acknowledged && acknowledged <= day)
        {
            var inProgress = item.Status == ItemStatus.InProgress;
            return item with
            {
                Status = inProgress ? ItemStatus.InProgress : ItemStatus.Acknowledged,
                Percent = inProgress ? item.Percent : null,
                ReportedOn = item.ReportedOn is { } r && r <= day ? r : null,
                ClosedOn = null,
                Evidence = inProgress ? item.Evidence : [],
                ReturnReason = inProgress ? item.ReturnReason : null,
            };
        }

        return new ItemProgress(item.ItemId);
    }

    private static DateOnly? Before(DateOnly? value, DateOnly day) => value is { } v && v <= day ? v : null;
}
