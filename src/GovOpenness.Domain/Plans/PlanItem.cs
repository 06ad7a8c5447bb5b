namespace GovOpenness.Domain.Plans;

/// <summary>
/// One numbered part of a plan: a top section (一、) or an item below it ((一), 1.).
/// </summary>
/// <param name="Id">Stable id from the item's position, e.g. "2.3" (third item of the second section).</param>
/// <param name="Path">The numbering labels from the top, e.g. ["三", "（二）"].</param>
/// <param name="Heading">The item's heading: its first phrase or title line.</param>
/// <param name="Text">The item's full text, line breaks inside sentences joined.</param>
/// <param name="Deadlines">Every deadline the text states, in order.</param>
/// <param name="Units">The responsible units named for the item.</param>
/// <param name="Line">The 1-based line of the source document where the item starts.</param>
/// <param name="Weight">
/// How much the item counts in the progress roll-up and the 考核 score (1–1000, default 1). Set by the
/// body that issues the item and carried down with it, so every level weighs the same item alike.
/// </param>
public sealed record PlanItem(
    string Id,
    IReadOnlyList<string> Path,
    string Heading,
    string Text,
    IReadOnlyList<Deadline> Deadlines,
    IReadOnlyList<string> Units,
    int Line,
    int Weight = 1)
{
    /// <summary>The units that lead (牵头) or answer for the item (负责): a subset of <see cref="Units"/>.</summary>
    public IReadOnlyList<string> Lead { get; init; } = [];

    /// <summary>The units that cooperate (配合, 协办): a subset of <see cref="Units"/>, disjoint from <see cref="Lead"/>.</summary>
    public IReadOnlyList<string> Cooperating { get; init; } = [];

    /// <summary>
    /// Units that stand for many bodies ("各县(市、区)政府", "市政府各部门", "市有关单位"), kept as written:
    /// a subset of <see cref="Units"/> no single body can be matched to.
    /// </summary>
    public IReadOnlyList<string> Collective { get; init; } = [];

    /// <summary>Depth in the plan: 1 for a top section, 2 for its items, and so on.</summary>
    public int Depth => Path.Count;

    /// <summary>The earliest date the item must be done by, if any deadline sets one.</summary>
    public DateOnly? EarliestDueDate =>
        Deadlines.Select(d => d.DueDate).Where(d => d.HasValue).Min();
}
