namespace GovOpenness.Domain.Progress;

/// <summary>A body's own contribution to its subtree summary: its plan milestones and its items.</summary>
/// <param name="Counts">The body counted once, plus its items.</param>
/// <param name="Extremes">Its own maxima and, when it has red items, itself as the only offender.</param>
public sealed record OwnFigures(SummaryCounts Counts, SummaryExtremes Extremes)
{
    /// <summary>Nothing at all: a node before it knows about itself.</summary>
    public static OwnFigures None { get; } = new(SummaryCounts.Zero, SummaryExtremes.None);
}
