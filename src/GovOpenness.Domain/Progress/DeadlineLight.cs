using GovOpenness.Domain.Calendar;

namespace GovOpenness.Domain.Progress;

/// <summary>
/// The light and overdue days of one item on a given day: red when the deadline has passed and the
/// body has not reported, yellow when at most <see cref="YellowWorkingDays"/> working days are left.
/// </summary>
public static class DeadlineLight
{
    public const int YellowWorkingDays = 3;

    // Three working days never span more than this many calendar days (the longest holiday run plus
    // weekends is about ten): beyond it the light is green without walking the calendar day by day.
    private const int CalendarDaysBeyondAnyYellow = 21;

    public static ProgressLight Of(DateOnly? deadline, ItemStatus status, DateOnly today, WorkingDayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        if (deadline is not { } due || status is ItemStatus.Reported or ItemStatus.Closed)
        {
            return ProgressLight.Green;
        }

        if (today > due)
        {
            return ProgressLight.Red;
        }

        if (due.DayNumber - today.DayNumber > CalendarDaysBeyondAnyYellow)
        {
            return ProgressLight.Green;
        }

        return calendar.WorkingDaysBetween(today, due) <= YellowWorkingDays ? ProgressLight.Yellow : ProgressLight.Green;
    }

    /// <summary>Calendar days past the deadline of an item not yet done; 0 otherwise.</summary>
    public static int OverdueDays(DateOnly? deadline, ItemStatus status, DateOnly today) =>
        deadline is { } due && today > due && status is not (ItemStatus.Reported or ItemStatus.Closed)
            ? today.DayNumber - due.DayNumber
            : 0;

    /// <summary>Working days past the deadline of an item not yet done (the calendar's holidays and
    /// adjusted working days applied); 0 otherwise.</summary>
    public static int OverdueWorkingDays(DateOnly? deadline, ItemStatus status, DateOnly today, WorkingDayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return OverdueDays(deadline, status, today) > 0 ? calendar.WorkingDaysBetween(deadline!.Value, today) : 0;
    }
}
