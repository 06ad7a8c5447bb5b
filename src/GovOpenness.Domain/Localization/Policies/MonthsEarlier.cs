namespace GovOpenness.Domain.Localization;

/// <summary>Every "by" deadline moved to the end of the month K months before the parent's ("11月底前"
/// with K = 2 becomes "9月底前"); a deadline that would move out of the plan's year stays as it is.</summary>
public sealed record MonthsEarlier(int Months) : DeadlinePolicy
{
    public override DateOnly Move(DateOnly parentDate, in DeadlineContext context)
    {
        var month = new DateOnly(parentDate.Year, parentDate.Month, 1).AddMonths(-Months);
        return month.Year < context.PlanYear ? parentDate : PolicyChanges.EndOfMonth(month.Year, month.Month);
    }

    public override string? Problem() => Months is < 0 or > 11 ? $"提前的月数应为0到11，而不是{Months}" : null;

    protected override string DescribeRule() => $"比上级提前{Months}个月（月底）";
}
