using GovOpenness.Domain.Calendar;

namespace GovOpenness.Domain.Localization;

/// <summary>
/// The workspace's part of the deadline rule. The rule itself (a lower body may only move a deadline
/// earlier, unless the later date is an approved exception) is <see cref="LocalizationValidator"/>'s;
/// a draft adds that an exception is requested with a reason (理由), so the record says why.
/// </summary>
public static class DeadlineException
{
    /// <summary>Why a deadline change's exception request is incomplete, in Chinese, or null.</summary>
    public static string? Problem(TightenDeadline change, string? reason)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (change.ApprovedException && string.IsNullOrWhiteSpace(reason))
        {
            return $"事项{change.ItemId}：期限晚于上级期限须申请例外并说明理由";
        }

        return !change.ApprovedException && !string.IsNullOrWhiteSpace(reason)
            ? $"事项{change.ItemId}：只有申请例外（晚于上级期限）时才填写例外理由"
            : null;
    }

    /// <summary>
    /// Every dated deadline of the parent's items with the working days left until it from
    /// <paramref name="today"/> (negative once passed): what a date picker shows beside the parent's date.
    /// </summary>
    public static IReadOnlyList<DeadlineSpan> Spans(PublishedPlan parent, WorkingDayCalendar calendar, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(parent);
        ArgumentNullException.ThrowIfNull(calendar);
        var spans = new List<DeadlineSpan>();
        foreach (var item in parent.Items)
        {
            for (var index = 0; index < item.Deadlines.Count; index++)
            {
                if (DeadlineRules.IsDated(item.Deadlines[index]) && item.Deadlines[index].Date is { } date)
                {
                    spans.Add(new DeadlineSpan(item.Id, index, date, calendar.WorkingDaysBetween(today, date)));
                }
            }
        }

        return spans;
    }
}

/// <summary>One dated deadline of a parent item and the working days left until it.</summary>
public sealed record DeadlineSpan(string ItemId, int DeadlineIndex, DateOnly ParentDate, int WorkingDaysLeft);
