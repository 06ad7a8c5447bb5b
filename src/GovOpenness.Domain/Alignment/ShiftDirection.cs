namespace GovOpenness.Domain.Alignment;

/// <summary>How a child moved one of its parent's deadlines.</summary>
public enum ShiftDirection
{
    /// <summary>Same date, start or number of days.</summary>
    Same,

    /// <summary>Earlier (or fewer working days): the child demands more than the parent (层层加码).</summary>
    Tightened,

    /// <summary>Later (or more working days) than the parent allows: a violation (打折扣).</summary>
    Loosened,

    /// <summary>The child sets a deadline where the parent set none: counted as tightening.</summary>
    Added,

    /// <summary>The child carries the parent's sentence but not its deadline.</summary>
    Removed,
}
