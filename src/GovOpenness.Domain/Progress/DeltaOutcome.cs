namespace GovOpenness.Domain.Progress;

/// <summary>What a parent did with a child's delta.</summary>
public enum DeltaOutcome
{
    /// <summary>Merged.</summary>
    Applied = 0,

    /// <summary>Already merged (a retry) or older than what the parent holds: ignored.</summary>
    Duplicate = 1,

    /// <summary>The delta's base is not what the parent holds: the child must send again relative to
    /// <see cref="DeltaReceipt.AppliedThrough"/> (0: its whole summary).</summary>
    Resend = 2,
}
