using GovOpenness.Grains.Hosting;

namespace GovOpenness.Grains;

/// <summary>
/// Leaf children that hold nothing of their own (a township's 15 villages, a county's townships at the
/// default depth) are not called by their parent's delivery: activating 620,573 village grains to tell
/// each "you have it" costs more than the rest of a national cascade. The parent stores one
/// <see cref="Abstractions.PlanMilestoneKind.LeavesReceived"/> note for all of them instead; the relay
/// hands it to the parent's progress grain as every catalog leaf child's receipt (its followers), and a
/// leaf derives its plan from the parent whenever it is read. Nothing is written per leaf.
/// </summary>
internal static class FollowingLeaves
{
    /// <summary>Whether a child is such a leaf: in the catalog, with no children, and not known to hold state.</summary>
    public static bool IsFollowingLeaf(IBodyCatalog catalog, string childId, IReadOnlySet<string> childrenWithState) =>
        !childrenWithState.Contains(childId) && IsCatalogLeaf(catalog, childId);

    /// <summary>The catalog children of a body that have no children: whose receipt a LeavesReceived note stands for.</summary>
    public static IEnumerable<string> CatalogLeavesOf(IBodyCatalog catalog, string parentId) =>
        catalog.ChildrenOf(parentId).Where(c => IsCatalogLeaf(catalog, c));

    private static bool IsCatalogLeaf(IBodyCatalog catalog, string id) => catalog.ChildrenOf(id).Count == 0 && catalog.Find(id) is not null;
}
