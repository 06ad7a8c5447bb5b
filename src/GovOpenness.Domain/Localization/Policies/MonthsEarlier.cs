using GovOpenness.Domain.Calendar;

namespace GovOpenness.Domain.Localization;

/// <summary>Every "by" deadline moved to the end of the month K months before the parent's ("11月底前"
/// with K = 2 becomes "9月底前"); a deadline that would move out of the plan's year stays as it is.</summary>
public sealed record MonthsEarlier(int Months) : LocalizationPolicy
{
    public override IEnumerable<LocalizationChange> Changes(PublishedPlan parent, WorkingDayCalendar calendar)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(Months);
        return PolicyChanges.MoveByDeadlines(parent, date =>
        {
            var month = new DateOnly(date.Year, date.Month, 1).AddMonths(-Months);
            return month.Year < parent.Year ? null : PolicyChanges.EndOfMonth(month.Year, month.Month);
        });
    }
}
