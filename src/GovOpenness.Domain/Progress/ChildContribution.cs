namespace GovOpenness.Domain.Progress;

/// <summary>What a parent holds of one child: the child's subtree summary as of its last delta.</summary>
/// <param name="ChildId">The child.</param>
/// <param name="Epoch">The child's epoch it came from.</param>
/// <param name="Sequence">The child's sequence it is at.</param>
/// <param name="Counts">The child's subtree counts.</param>
/// <param name="Extremes">The child's subtree extremes.</param>
public sealed record ChildContribution(string ChildId, long Epoch, long Sequence, SummaryCounts Counts, SummaryExtremes Extremes);
