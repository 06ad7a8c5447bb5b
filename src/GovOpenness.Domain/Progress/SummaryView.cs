using System.Collections.Immutable;

namespace GovOpenness.Domain.Progress;

/// <summary>
/// A subtree summary as readers see it (GET …/summary, the live push): the counts with their light,
/// score and the children's ranking, stamped with the activation (<paramref name="Epoch"/>) and the
/// roll-up version (<paramref name="Sequence"/>) it was taken at, so a consumer holding a newer view
/// can ignore an older one that arrives late.
/// </summary>
/// <param name="Epoch">When the progress grain's activation began (UTC ticks); a restart starts a larger one.</param>
/// <param name="Sequence">The roll-up's version within that activation; grows with every change.</param>
public sealed record SummaryView(
    SubtreeSummary Summary,
    ProgressLight Light,
    AssessmentScore Score,
    ImmutableArray<RankedBody> Ranking,
    long Epoch = 0,
    long Sequence = 0)
{
    /// <summary>The view of a roll-up as it stands.</summary>
    public static SummaryView Of(SubtreeRollup rollup, long epoch)
    {
        ArgumentNullException.ThrowIfNull(rollup);
        var summary = rollup.Summary;
        return new SummaryView(summary, summary.Light, summary.Score, rollup.RankChildren(), epoch, rollup.Version);
    }

    /// <summary>True when this view was taken after <paramref name="other"/> (a later activation, or later in the same one).</summary>
    public bool IsNewerThan(SummaryView? other) =>
        other is null || Epoch > other.Epoch || (Epoch == other.Epoch && Sequence > other.Sequence);
}
