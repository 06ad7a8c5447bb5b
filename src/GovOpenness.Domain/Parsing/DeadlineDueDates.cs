using GovOpenness.Domain.Calendar;
using GovOpenness.Domain.Plans;

namespace GovOpenness.Domain.Parsing;

/// <summary>
/// When a deadline falls due for a given trigger: the day a request arrived for "3个工作日内", the
/// day a task was received for "每年3月底前". Lets progress tracking treat every kind alike.
/// </summary>
public static class DeadlineDueDates
{
    /// <summary>
    /// The day the deadline falls due counting from <paramref name="trigger"/>: its date for
    /// <see cref="DeadlineKind.By"/> and <see cref="DeadlineKind.Target"/>; N working days after the
    /// trigger (the trigger day not counted) for <see cref="DeadlineKind.WorkingDays"/>; the first
    /// occurrence on or after the trigger for <see cref="DeadlineKind.Recurring"/>; none for
    /// <see cref="DeadlineKind.From"/> and <see cref="DeadlineKind.Ongoing"/>, which set no end.
    /// </summary>
    public static DateOnly? DueOn(this Deadline deadline, DateOnly trigger, WorkingDayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(deadline);
        ArgumentNullException.ThrowIfNull(calendar);
        return deadline.Kind switch
        {
            DeadlineKind.By or DeadlineKind.Target => deadline.Date,
            DeadlineKind.WorkingDays when deadline.Days is { } days and >= 0 => calendar.AddWorkingDays(trigger, days),
            DeadlineKind.Recurring when deadline.Date is { } date => RecurringDeadlines.NextOccurrence(date, trigger),
            _ => null,
        };
    }
}
