using GovOpenness.Domain.Calendar;

namespace GovOpenness.Domain.Localization;

/// <summary>Every "by" deadline N working days before the parent's, so the body can report up in time.</summary>
public sealed record WorkingDaysBeforeParent(int Days) : LocalizationPolicy
{
    public override IEnumerable<LocalizationChange> Changes(PublishedPlan parent, WorkingDayCalendar calendar)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(Days);
        return PolicyChanges.MoveByDeadlines(parent, date => calendar.SubtractWorkingDays(date, Days));
    }
}
