using GovOpenness.Domain.Calendar;

namespace GovOpenness.Domain.Progress;

/// <summary>
/// Turns a body's progress into figures on a given day. The day is an argument (from an injected
/// clock): figures move with time (an item turns red overnight), so a host recomputes them daily.
/// </summary>
public static class ProgressFigures
{
    /// <summary>The body's own contribution to its subtree summary.</summary>
    public static OwnFigures ForBody(BodyProgress body, DateOnly today, WorkingDayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(body);
        Span<long> sums = stackalloc long[SummaryCounts.Length];
        AddBodyLevel(sums, body.Milestones);
        var maxOverdue = 0;
        var items = ItemsById(body);
        foreach (var target in body.Targets)
        {
            // Not ProgressOf: a pending record per untouched target was the largest allocation per step (issue 16).
            var progress = items is null ? body.FindProgress(target.ItemId) ?? Untouched : items.GetValueOrDefault(target.ItemId, Untouched);
            maxOverdue = Math.Max(maxOverdue, AddItem(sums, target, progress, today, calendar));
        }

        if (sums[(int)SummaryFigure.ItemsOverdue] > 0)
        {
            sums[(int)SummaryFigure.BodiesWithOverdue] = 1;
        }

        if (sums[(int)SummaryFigure.ItemsDueSoon] > 0)
        {
            sums[(int)SummaryFigure.BodiesWithDueSoon] = 1;
        }

        var overdueItems = (int)sums[(int)SummaryFigure.ItemsOverdue];
        var extremes = new SummaryExtremes(
            body.Milestones.PublishedOn is null ? 0 : body.Milestones.PublishDelayDays,
            maxOverdue,
            overdueItems == 0 ? [] : [new Offender(body.BodyId, overdueItems, sums[(int)SummaryFigure.OverdueDaysSum], maxOverdue)]);
        return new OwnFigures(SummaryCounts.From(sums), extremes);
    }

    /// <summary>An item without updates, as the counts see it (they never read its id).</summary>
    private static readonly ItemProgress Untouched = new("");

    /// <summary>
    /// The body's items by id when there are enough of them that looking each target up in the list would
    /// cost more than the map (figures are derived again on every step: 30 targets in 30 items was 900
    /// string compares per step, issue 16's profile); null for a short list.
    /// </summary>
    private static Dictionary<string, ItemProgress>? ItemsById(BodyProgress body)
    {
        if (body.Items.Length <= 8)
        {
            return null;
        }

        var items = new Dictionary<string, ItemProgress>(body.Items.Length, StringComparer.Ordinal);
        foreach (var item in body.Items)
        {
            items.TryAdd(item.ItemId, item);
        }

        return items;
    }

    /// <summary>One item's share of the counts: what "open this figure" lists per item.</summary>
    public static SummaryCounts ForItem(ItemTarget target, ItemProgress progress, DateOnly today, WorkingDayCalendar calendar)
    {
        Span<long> sums = stackalloc long[SummaryCounts.Length];
        AddItem(sums, target, progress, today, calendar);
        return SummaryCounts.From(sums);
    }

    /// <summary>The body-level share of the counts (the body itself, its milestones), without items.</summary>
    public static SummaryCounts ForBodyLevel(PlanMilestones milestones)
    {
        Span<long> sums = stackalloc long[SummaryCounts.Length];
        AddBodyLevel(sums, milestones);
        return SummaryCounts.From(sums);
    }

    private static void AddBodyLevel(Span<long> sums, PlanMilestones milestones)
    {
        sums[(int)SummaryFigure.Bodies] = 1;
        if (milestones.ReceivedOn is not null)
        {
            sums[(int)SummaryFigure.BodiesReceived] = 1;
            sums[(int)SummaryFigure.ReceiveDelayDaysSum] = milestones.ReceiveDelayDays;
        }

        if (milestones.LocalizedOn is not null)
        {
            sums[(int)SummaryFigure.BodiesLocalized] = 1;
        }

        if (milestones.PublishedOn is not null)
        {
            sums[(int)SummaryFigure.BodiesPublished] = 1;
            sums[(int)SummaryFigure.PublishDelayDaysSum] = milestones.PublishDelayDays;
        }
    }

    /// <summary>Adds one item; returns its days overdue (0 unless red).</summary>
    private static int AddItem(Span<long> sums, ItemTarget target, ItemProgress progress, DateOnly today, WorkingDayCalendar calendar)
    {
        var status = progress.Status;
        sums[(int)SummaryFigure.Items]++;
        sums[(int)SummaryFigure.ItemsPending + (int)status]++;
        sums[(int)SummaryFigure.WeightTotal] += target.Weight;
        sums[(int)SummaryFigure.Returns] += progress.ReturnCount;
        if (progress.IsReturned)
        {
            sums[(int)SummaryFigure.ItemsReturned]++;
        }

        if (progress.IsDone)
        {
            sums[(int)SummaryFigure.WeightDone] += target.Weight;
            sums[(int)SummaryFigure.WeightedPercentSum] += 100L * target.Weight;
            var onTime = target.Deadline is not { } due || progress.ReportedOn is not { } reported || reported <= due;
            sums[(int)(onTime ? SummaryFigure.ItemsDoneOnTime : SummaryFigure.ItemsDoneLate)]++;
            if (status == ItemStatus.Closed)
            {
                sums[(int)SummaryFigure.WeightClosed] += target.Weight;
            }

            return 0;
        }

        sums[(int)SummaryFigure.WeightedPercentSum] += (long)(progress.Percent ?? 0) * target.Weight;
        switch (DeadlineLight.Of(target.Deadline, status, today, calendar))
        {
            case ProgressLight.Red:
                var days = DeadlineLight.OverdueDays(target.Deadline, status, today);
                sums[(int)SummaryFigure.ItemsOverdue]++;
                sums[(int)SummaryFigure.OverdueDaysSum] += days;
                return days;
            case ProgressLight.Yellow:
                sums[(int)SummaryFigure.ItemsDueSoon]++;
                break;
        }

        return 0;
    }
}
