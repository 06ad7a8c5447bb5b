using GovOpenness.Domain.Plans;

namespace GovOpenness.Domain.Alignment;

/// <summary>
/// A person's correction of one pair the aligner proposed: the child's item <paramref name="ChildItemId"/>
/// carries out the parent's item <paramref name="ParentItemId"/>, or, with null, none (an item of the
/// body's own, 新增). Corrections replace the aligner's links of that child item; every other pair stays
/// as the aligner chose it. Only leaf items (the tasks) are paired, on both sides.
/// </summary>
public sealed record PairCorrection(string ChildItemId, string? ParentItemId)
{
    /// <summary>The most corrections one request may carry (a plan has at most a few hundred tasks).</summary>
    public const int MaxCount = 2_000;

    /// <summary>What is wrong with <paramref name="corrections"/> against the two documents, in Chinese; null when nothing.</summary>
    public static string? Problem(PlanDocument parent, PlanDocument child, IReadOnlyList<PairCorrection> corrections)
    {
        if (corrections.Count > MaxCount)
        {
            return $"配对更正过多（{corrections.Count}条，上限{MaxCount}条）";
        }

        var childLeaves = PlanTiers.Profile(child).Leaves.Select(l => l.Item.Id).ToHashSet(StringComparer.Ordinal);
        var parentLeaves = PlanTiers.Profile(parent).Leaves.Select(l => l.Item.Id).ToHashSet(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < corrections.Count; i++)
        {
            var correction = corrections[i];
            if (!childLeaves.Contains(correction.ChildItemId))
            {
                return $"配对更正第{i + 1}条：本级文件中没有可配对的事项“{Shorten(correction.ChildItemId)}”";
            }

            if (correction.ParentItemId is { } parentId && !parentLeaves.Contains(parentId))
            {
                return $"配对更正第{i + 1}条：上级工作要点中没有可配对的事项“{Shorten(parentId)}”";
            }

            if (!seen.Add(correction.ChildItemId))
            {
                return $"配对更正第{i + 1}条：事项“{Shorten(correction.ChildItemId)}”重复更正";
            }
        }

        return null;
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
