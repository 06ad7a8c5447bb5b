namespace GovOpenness.Domain.Localization;

/// <summary>No "by" deadline in the plan's year later than the end of month M ("全部任务10月底前完成").</summary>
public sealed record EndOfMonth(int Month) : DeadlinePolicy
{
    public override DateOnly Move(DateOnly parentDate, in DeadlineContext context) =>
        parentDate.Year == context.PlanYear ? PolicyChanges.EndOfMonth(context.PlanYear, Month) : parentDate;

    public override string? Problem() => Month is < 1 or > 12 ? $"{Month}月不存在，应为1到12" : null;

    protected override string DescribeRule() => $"本年时限最晚{Month}月底";
}
