using System.Collections.Immutable;
using GovOpenness.Domain.Localization;

namespace GovOpenness.Domain.Progress;

/// <summary>
/// The figures of a summary that are not sums and so cannot travel as differences: maxima and the
/// top-K offenders. A child sends its whole extremes whenever they change; the parent keeps each
/// child's last extremes and merges them with its own. Exact because subtrees are disjoint: the K
/// worst of a subtree are among the union of each part's K worst.
/// </summary>
/// <param name="MaxPublishDelayDays">The longest delay, in days after the parent's issue, of any body
/// in the subtree that published.</param>
/// <param name="MaxOverdueDays">Days past the deadline of the subtree's most overdue item.</param>
/// <param name="Offenders">The subtree's worst bodies, worst first, at most K.</param>
public sealed record SummaryExtremes(int MaxPublishDelayDays, int MaxOverdueDays, ImmutableArray<Offender> Offenders)
{
    /// <summary>K when nobody says otherwise.</summary>
    public const int DefaultOffenderLimit = 5;

    public static SummaryExtremes None { get; } = new(0, 0, []);

    /// <summary>Never default, so callers and JSON can enumerate it.</summary>
    public ImmutableArray<Offender> Offenders { get; init; } = Offenders.IsDefault ? [] : Offenders;

    /// <summary>The extremes of a union of disjoint parts.</summary>
    public static SummaryExtremes Merge(IEnumerable<SummaryExtremes> parts, int offenderLimit = DefaultOffenderLimit)
    {
        ArgumentNullException.ThrowIfNull(parts);
        ArgumentOutOfRangeException.ThrowIfNegative(offenderLimit);
        var maxPublish = 0;
        var maxOverdue = 0;
        var top = new List<Offender>(offenderLimit + 1);
        foreach (var part in parts)
        {
            maxPublish = Math.Max(maxPublish, part.MaxPublishDelayDays);
            maxOverdue = Math.Max(maxOverdue, part.MaxOverdueDays);
            foreach (var offender in part.Offenders)
            {
                InsertBounded(top, offender, offenderLimit);
            }
        }

        return new SummaryExtremes(maxPublish, maxOverdue, [.. top]);
    }

    // Insertion into a short sorted list: K is small (default 5), so this beats sorting the union.
    private static void InsertBounded(List<Offender> top, Offender offender, int limit)
    {
        var at = top.Count;
        while (at > 0 && Offender.Compare(offender, top[at - 1]) < 0)
        {
            at--;
        }

        if (at >= limit)
        {
            return;
        }

        top.Insert(at, offender);
        if (top.Count > limit)
        {
            top.RemoveAt(top.Count - 1);
        }
    }

    public bool Equals(SummaryExtremes? other) =>
        other is not null && MaxPublishDelayDays == other.MaxPublishDelayDays && MaxOverdueDays == other.MaxOverdueDays &&
        SequenceEquality.Equal(Offenders, other.Offenders);

    public override int GetHashCode() => HashCode.Combine(MaxPublishDelayDays, MaxOverdueDays, SequenceEquality.Hash(Offenders));
}
