namespace GovOpenness.Domain.Simulation;

/// <summary>How a level sets its own deadline for an item from its parent's.</summary>
public enum DeadlineRuleKind
{
    /// <summary>Copy the parent's deadline unchanged.</summary>
    Keep,

    /// <summary>N working days before the parent's deadline (层层提前), optionally N + a random 0…jitter.</summary>
    WorkingDaysBefore,

    /// <summary>Move the deadline to the end of month M of the plan's year (e.g. 11月底 → 9月底).</summary>
    EndOfMonth,
}
