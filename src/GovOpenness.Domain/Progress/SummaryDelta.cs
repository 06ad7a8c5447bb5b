using System.Text.Json.Serialization;

namespace GovOpenness.Domain.Progress;

/// <summary>
/// What a child sends up: the change of its subtree summary since the summary its parent holds.
/// <c>{"childId":"141181","year":2022,"epoch":638000000000,"baseSequence":41,"sequence":42,
/// "counts":{"itemsReported":1,"itemsInProgress":-1,…},"extremes":null}</c>.
/// </summary>
/// <param name="ChildId">The sending child.</param>
/// <param name="Year">The plan's year.</param>
/// <param name="Epoch">The child's summary epoch: a new one (larger) whenever it rebuilt its soft state
/// from scratch; the parent then drops what it held for the child.</param>
/// <param name="BaseSequence">The sequence of the summary this delta is relative to; 0 means "from
/// nothing": the delta is the child's whole summary and replaces the parent's copy.</param>
/// <param name="Sequence">The sequence of the summary the delta leads to.</param>
/// <param name="Counts">Current counts minus base counts (may be negative).</param>
/// <param name="Extremes">The child's whole current extremes when they changed since the base (always for
/// a base of 0); null when unchanged. Maxima and top-K cannot be subtracted, so they are replaced.</param>
public sealed record SummaryDelta(
    string ChildId,
    int Year,
    long Epoch,
    long BaseSequence,
    long Sequence,
    SummaryCounts Counts,
    SummaryExtremes? Extremes = null)
{
    /// <summary>Whether the delta replaces the parent's copy instead of adding to it.</summary>
    [JsonIgnore]
    public bool IsFull => BaseSequence == 0;

    /// <summary>
    /// One delta with the effect of this one followed by <paramref name="next"/> (which must start where
    /// this one ends): counts add, extremes take the later. Associative, so a batch of deltas may be
    /// coalesced in any grouping before it is sent.
    /// </summary>
    public SummaryDelta Then(SummaryDelta next)
    {
        ArgumentNullException.ThrowIfNull(next);
        if (next.ChildId != ChildId || next.Year != Year || next.Epoch != Epoch || next.BaseSequence != Sequence)
        {
            throw new ArgumentException(
                $"增量不衔接：“{ChildId}”的第{Sequence}号之后应接基于第{Sequence}号的增量，收到“{next.ChildId}”基于第{next.BaseSequence}号的增量",
                nameof(next));
        }

        return this with { Sequence = next.Sequence, Counts = Counts.Add(next.Counts), Extremes = next.Extremes ?? Extremes };
    }
}
