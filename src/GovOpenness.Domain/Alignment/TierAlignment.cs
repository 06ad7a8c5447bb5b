using GovOpenness.Domain.Plans;

namespace GovOpenness.Domain.Alignment;

/// <summary>One tier of an alignment: its pairs, the parent's items left without a counterpart, the child's items with none.</summary>
internal sealed record TierAlignment(
    IReadOnlyList<AlignedPair> Pairs,
    IReadOnlyList<PlanItem> Dropped,
    IReadOnlyList<PlanItem> Added);
