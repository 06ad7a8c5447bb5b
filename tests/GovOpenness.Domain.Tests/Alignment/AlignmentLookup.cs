using GovOpenness.Domain.Alignment;
using GovOpenness.Domain.Plans;

namespace GovOpenness.Domain.Tests.Alignment;

/// <summary>Finds items and pairs by words of their text, so tests do not depend on numbering details.</summary>
internal static class AlignmentLookup
{
    /// <summary>The single leaf item of the plan whose heading or text contains <paramref name="words"/>.</summary>
    public static PlanItem Leaf(PlanDocument plan, string words)
    {
        var leaves = plan.Items.Where((item, i) => i + 1 == plan.Items.Count || plan.Items[i + 1].Depth <= item.Depth).ToList();
        var byHeading = leaves.Where(i => i.Heading.Contains(words, StringComparison.Ordinal)).ToList();
        var found = byHeading.Count > 0 ? byHeading : [.. leaves.Where(i => i.Text.Contains(words, StringComparison.Ordinal))];
        Assert.True(found.Count == 1, $"expected one item with “{words}”, found {found.Count}");
        return found[0];
    }

    /// <summary>Whether nothing in the plan sits below the item.</summary>
    public static bool IsLeaf(PlanDocument plan, PlanItem item)
    {
        var index = plan.Items.ToList().IndexOf(item);
        return index + 1 == plan.Items.Count || plan.Items[index + 1].Depth <= item.Depth;
    }

    /// <summary>The pair of the child item containing <paramref name="childWords"/> (fails when it has none).</summary>
    public static AlignedPair PairOf(AlignmentResult result, string childWords)
    {
        var child = Leaf(result.Child, childWords);
        var pair = result.Pairs.SingleOrDefault(p => ReferenceEquals(p.Child, child));
        Assert.True(pair is not null, $"child item “{child.Heading}” has no parent counterpart");
        return pair!;
    }

    /// <summary>Whether the pair's parents include the parent item containing <paramref name="parentWords"/>.</summary>
    public static bool Carries(AlignmentResult result, AlignedPair pair, string parentWords)
    {
        var parent = Leaf(result.Parent, parentWords);
        return pair.Parents.Any(p => ReferenceEquals(p, parent));
    }
}
