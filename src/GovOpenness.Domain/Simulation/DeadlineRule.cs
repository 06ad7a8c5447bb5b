namespace GovOpenness.Domain.Simulation;

/// <summary>
/// A level's deadline rule: a pure function of the parent's deadline (a day index in a
/// <see cref="WorkingDayIndex"/>) and the body's random stream. Kept here, small and allocation
/// free, because the engine applies it to every item of every one of up to 665,000 bodies. The
/// meanings match the localization policies of the same names (WorkingDaysBeforeParent,
/// EndOfMonth, MonthsEarlier), which work on whole plan objects and are too heavy for this loop.
/// </summary>
/// <param name="Kind">What the rule does.</param>
/// <param name="Days">Working days before the parent's (<see cref="DeadlineRuleKind.WorkingDaysBefore"/>),
/// or months earlier (<see cref="DeadlineRuleKind.MonthsEarlier"/>).</param>
/// <param name="Jitter">Up to this many more working days, drawn per body and item (bodies differ).</param>
/// <param name="Month">The month (1–12) for <see cref="DeadlineRuleKind.EndOfMonth"/>.</param>
/// <param name="AllowLater">Whether the result may fall after the parent's deadline (an exception the
/// scenario grants); otherwise it is capped at the parent's, since a child may tighten but not relax.</param>
public readonly record struct DeadlineRule(DeadlineRuleKind Kind, int Days = 0, int Jitter = 0, int Month = 0, bool AllowLater = false)
{
    public static DeadlineRule Keep => new(DeadlineRuleKind.Keep);

    public static DeadlineRule WorkingDaysBefore(int days, int jitter = 0) => new(DeadlineRuleKind.WorkingDaysBefore, days, jitter);

    public static DeadlineRule EndOfMonth(int month) => new(DeadlineRuleKind.EndOfMonth, Month: month);

    public static DeadlineRule MonthsEarlier(int months) => new(DeadlineRuleKind.MonthsEarlier, months);

    /// <summary>The child's deadline for one item.</summary>
    /// <param name="parentDeadline">The parent's deadline as a day index.</param>
    /// <param name="planYear">The plan's year: month rules leave deadlines of other years alone.</param>
    public int Apply(int parentDeadline, int planYear, WorkingDayIndex days, ref BodyRandom random) =>
        Resolve(parentDeadline, planYear, days, Kind == DeadlineRuleKind.WorkingDaysBefore ? Days + DrawJitter(ref random) : 0);

    /// <summary>The earliest deadline the rule can give (the largest jitter), for checking a scenario before it runs.</summary>
    public int Earliest(int parentDeadline, int planYear, WorkingDayIndex days) =>
        Resolve(parentDeadline, planYear, days, Days + Jitter);

    /// <summary>Readable Chinese description, for summaries.</summary>
    public string Describe() => Kind switch
    {
        DeadlineRuleKind.WorkingDaysBefore when Jitter > 0 => $"比上级提前{Days}–{Days + Jitter}个工作日",
        DeadlineRuleKind.WorkingDaysBefore => $"比上级提前{Days}个工作日",
        DeadlineRuleKind.EndOfMonth => $"本年时限最晚{Month}月底",
        DeadlineRuleKind.MonthsEarlier => $"比上级提前{Days}个月（月底）",
        _ => "沿用上级时限",
    } + (AllowLater ? "（允许晚于上级）" : "");

    private int Resolve(int parentDeadline, int planYear, WorkingDayIndex days, int workingDaysBefore)
    {
        var deadline = Kind switch
        {
            DeadlineRuleKind.WorkingDaysBefore => days.SubtractWorkingDays(parentDeadline, workingDaysBefore),
            DeadlineRuleKind.EndOfMonth => InPlanYear(parentDeadline, planYear, days) ? days.IndexOf(EndOf(planYear, Month)) : parentDeadline,
            DeadlineRuleKind.MonthsEarlier => MonthsBefore(parentDeadline, planYear, days),
            _ => parentDeadline,
        };
        return AllowLater ? deadline : Math.Min(deadline, parentDeadline);
    }

    private int MonthsBefore(int parentDeadline, int planYear, WorkingDayIndex days)
    {
        var parent = days.DateOf(parentDeadline);
        var month = new DateOnly(parent.Year, parent.Month, 1).AddMonths(-Days);
        return month.Year < planYear ? parentDeadline : days.IndexOf(EndOf(month.Year, month.Month)); // would leave the plan's year: keep
    }

    private static bool InPlanYear(int index, int planYear, WorkingDayIndex days) => days.DateOf(index).Year == planYear;

    private static DateOnly EndOf(int year, int month) => new(year, month, DateTime.DaysInMonth(year, month));

    // The engine gives deadline jitter its own random stream, so drawing here or not does not
    // shift the issue-delay or completion draws (what-if runs stay paired body by body).
    private int DrawJitter(ref BodyRandom random) => Jitter > 0 ? (int)(random.NextDouble() * (Jitter + 1)) : 0;
}
