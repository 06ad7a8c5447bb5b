namespace GovOpenness.Domain.Progress;

/// <summary>
/// A body with overdue items, as listed among a subtree's worst offenders. Ordered by
/// <see cref="Compare"/>: most overdue days first, then most overdue items, then body id.
/// </summary>
/// <param name="BodyId">The body (its own items only, not its subtree).</param>
/// <param name="OverdueItems">Its red items.</param>
/// <param name="OverdueDaysSum">Sum of calendar days past the deadline over those items.</param>
/// <param name="MaxOverdueDays">Days past the deadline of its most overdue item.</param>
public sealed record Offender(string BodyId, int OverdueItems, long OverdueDaysSum, int MaxOverdueDays)
{
    /// <summary>Worst first; ties broken by body id (ordinal) so every node ranks alike.</summary>
    public static int Compare(Offender? a, Offender? b)
    {
        if (ReferenceEquals(a, b))
        {
            return 0;
        }

        if (a is null || b is null)
        {
            return a is null ? 1 : -1;
        }

        var byDays = b.OverdueDaysSum.CompareTo(a.OverdueDaysSum);
        if (byDays != 0)
        {
            return byDays;
        }

        var byItems = b.OverdueItems.CompareTo(a.OverdueItems);
        return byItems != 0 ? byItems : string.CompareOrdinal(a.BodyId, b.BodyId);
    }
}
