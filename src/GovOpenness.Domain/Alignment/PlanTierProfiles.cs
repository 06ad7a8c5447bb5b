namespace GovOpenness.Domain.Alignment;

/// <summary>A plan's items split into the tiers the aligner pairs separately (see <see cref="PlanTiers"/>).</summary>
/// <param name="Sections">Top sections (一、).</param>
/// <param name="Subsections">Items of depth 2 or more with items below them (（一） above 1. 2. 3.).</param>
/// <param name="Leaves">Items with nothing below them: the tasks.</param>
internal sealed record PlanTierProfiles(
    IReadOnlyList<ItemProfile> Sections,
    IReadOnlyList<ItemProfile> Subsections,
    IReadOnlyList<ItemProfile> Leaves)
{
    public IEnumerable<ItemProfile> All => Sections.Concat(Subsections).Concat(Leaves);

    /// <summary>Sections and sub-sections: the tiers whose headings name groups of tasks.</summary>
    public IEnumerable<ItemProfile> Groups => Sections.Concat(Subsections);
}
