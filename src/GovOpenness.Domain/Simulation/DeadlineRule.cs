namespace GovOpenness.Domain.Simulation;

/// <summary>
/// A level's deadline rule: a pure function of the parent's deadline (a day index in a
/// <see cref="WorkingDayIndex"/>) and the body's random stream. Kept here, small and allocation
/// free, because the engine applies it to every item of every one of up to 665,000 bodies.
/// </summary>
/// <param name="Kind">What the rule does.</param>
/// <param name="Days">Working days before the parent's, for <see cref="DeadlineRuleKind.WorkingDaysBefore"/>.</param>
/// <param name="Jitter">Up to this many more working days, drawn per body and item (bodies differ).</param>
/// <param name="Month">The month (1–12) for <see cref="DeadlineRuleKind.EndOfMonth"/>.</param>
/// <param name="AllowLater">Whether the result may fall after the parent's deadline (an exception the
/// scenario grants); otherwise it is capped at the parent's, since a child may tighten but not relax.</param>
public readonly record struct DeadlineRule(DeadlineRuleKind Kind, int Days = 0, int Jitter = 0, int Month = 0, bool AllowLater = false)
{
    public static DeadlineRule Keep => new(DeadlineRuleKind.Keep);

    public static DeadlineRule WorkingDaysBefore(int days, int jitter = 0) => new(DeadlineRuleKind.WorkingDaysBefore, days, jitter);

    public static DeadlineRule EndOfMonth(int month) => new(DeadlineRuleKind.EndOfMonth, Month: month);

    /// <summary>The child's deadline for one item.</summary>
    /// <param name="parentDeadline">The parent's deadline as a day index.</param>
    /// <param name="endOfMonthIndex">For <see cref="DeadlineRuleKind.EndOfMonth"/>, the day index of that month's last day (precomputed once).</param>
    public int Apply(int parentDeadline, int endOfMonthIndex, WorkingDayIndex days, ref BodyRandom random)
    {
        var deadline = Kind switch
        {
            DeadlineRuleKind.WorkingDaysBefore => days.SubtractWorkingDays(parentDeadline, Days + DrawJitter(ref random)),
            DeadlineRuleKind.EndOfMonth => endOfMonthIndex,
            _ => parentDeadline,
        };
        return AllowLater ? deadline : Math.Min(deadline, parentDeadline);
    }

    /// <summary>The earliest deadline the rule can give (the largest jitter), for checking a scenario before it runs.</summary>
    public int Earliest(int parentDeadline, int endOfMonthIndex, WorkingDayIndex days)
    {
        var deadline = Kind switch
        {
            DeadlineRuleKind.WorkingDaysBefore => days.SubtractWorkingDays(parentDeadline, Days + Jitter),
            DeadlineRuleKind.EndOfMonth => endOfMonthIndex,
            _ => parentDeadline,
        };
        return AllowLater ? deadline : Math.Min(deadline, parentDeadline);
    }

    /// <summary>Readable Chinese description, for summaries.</summary>
    public string Describe() => Kind switch
    {
        DeadlineRuleKind.WorkingDaysBefore when Jitter > 0 => $"比上级提前{Days}–{Days + Jitter}个工作日",
        DeadlineRuleKind.WorkingDaysBefore => $"比上级提前{Days}个工作日",
        DeadlineRuleKind.EndOfMonth => $"改为{Month}月底前",
        _ => "沿用上级时限",
    } + (AllowLater ? "（允许晚于上级）" : "");

    // The engine gives deadline jitter its own random stream, so drawing here or not does not
    // shift the issue-delay or completion draws (what-if runs stay paired body by body).
    private int DrawJitter(ref BodyRandom random) => Jitter > 0 ? (int)(random.NextDouble() * (Jitter + 1)) : 0;
}
