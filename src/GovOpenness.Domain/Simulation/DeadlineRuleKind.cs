namespace GovOpenness.Domain.Simulation;

/// <summary>How a level sets its own deadline for an item from its parent's.</summary>
public enum DeadlineRuleKind
{
    /// <summary>Copy the parent's deadline unchanged.</summary>
    Keep,

    /// <summary>N working days before the parent's deadline (层层提前), optionally N + a random 0…jitter.</summary>
    WorkingDaysBefore,

    /// <summary>No deadline in the plan's year later than the end of month M ("全部任务9月底前完成").</summary>
    EndOfMonth,

    /// <summary>The end of the month K months before the parent's (11月底 with K = 2 → 9月底).</summary>
    MonthsEarlier,
}
