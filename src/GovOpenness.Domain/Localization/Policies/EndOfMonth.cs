using GovOpenness.Domain.Calendar;

namespace GovOpenness.Domain.Localization;

/// <summary>No "by" deadline in the plan's year later than the end of month M ("全部任务10月底前完成").</summary>
public sealed record EndOfMonth(int Month) : LocalizationPolicy
{
    public override IEnumerable<LocalizationChange> Changes(PublishedPlan parent, WorkingDayCalendar calendar)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Month, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Month, 12);
        var cap = PolicyChanges.EndOfMonth(parent.Year, Month);
        return PolicyChanges.MoveByDeadlines(parent, date => date.Year == parent.Year ? cap : null);
    }
}
