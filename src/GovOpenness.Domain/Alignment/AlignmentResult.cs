using GovOpenness.Domain.Plans;

namespace GovOpenness.Domain.Alignment;

/// <summary>How a child plan carries out its parent plan, item by item.</summary>
/// <param name="Parent">The parent plan.</param>
/// <param name="Child">The child plan.</param>
/// <param name="Pairs">Leaf items of the child with the parent items they carry out, in child order.</param>
/// <param name="Sections">Top sections aligned with top sections (a separate, coarser tier).</param>
/// <param name="Dropped">Parent leaf items no child item carries out (打折扣 candidates).</param>
/// <param name="Added">Child leaf items that carry out no parent item (local additions).</param>
/// <param name="Coverage">Share of the parent's leaf items carried down, 0–1.</param>
/// <param name="Escalation">The 层层加码 index.</param>
/// <param name="ParentLeafCount">Leaf items of the parent (the base of <paramref name="Coverage"/>).</param>
/// <param name="ChildLeafCount">Leaf items of the child.</param>
public sealed record AlignmentResult(
    PlanDocument Parent,
    PlanDocument Child,
    IReadOnlyList<AlignedPair> Pairs,
    IReadOnlyList<AlignedPair> Sections,
    IReadOnlyList<PlanItem> Dropped,
    IReadOnlyList<PlanItem> Added,
    double Coverage,
    EscalationIndex Escalation,
    int ParentLeafCount,
    int ChildLeafCount)
{
    /// <summary>Parent top sections no child section corresponds to.</summary>
    public IReadOnlyList<PlanItem> SectionsDropped { get; init; } = [];

    /// <summary>Child top sections that correspond to no parent section.</summary>
    public IReadOnlyList<PlanItem> SectionsAdded { get; init; } = [];

    /// <summary>
    /// Sub-sections (an item of depth 2 or more with items below it, such as （一） above 1. 2. 3.) aligned with
    /// the parent's sub-sections, in child order. Empty when either document has no such level.
    /// </summary>
    public IReadOnlyList<AlignedPair> Subsections { get; init; } = [];

    /// <summary>Parent sub-sections no child sub-section corresponds to.</summary>
    public IReadOnlyList<PlanItem> SubsectionsDropped { get; init; } = [];

    /// <summary>Child sub-sections that correspond to no parent sub-section.</summary>
    public IReadOnlyList<PlanItem> SubsectionsAdded { get; init; } = [];

    /// <summary>Mean confidence of the pairs (0 when there are none): low for unrelated documents.</summary>
    public double MeanConfidence => Pairs.Count == 0 ? 0 : Pairs.Average(p => p.Confidence);
}
