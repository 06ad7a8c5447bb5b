using GovOpenness.Domain.Plans;

namespace GovOpenness.Domain.Alignment;

/// <summary>Turns the chosen links into classified pairs with deadline shifts and confidences.</summary>
internal static class PairBuilder
{
    public static List<AlignedPair> Build(
        IReadOnlyList<ItemProfile> children,
        IReadOnlyList<ItemProfile> parents,
        PairTable features,
        IReadOnlyList<(int Child, int Parent)> links,
        int childYear,
        int parentYear,
        AlignmentOptions options)
    {
        var childrenOfParent = links.GroupBy(l => l.Parent).ToDictionary(g => g.Key, g => g.Select(l => l.Child).ToList());
        var parentsOfChild = links.GroupBy(l => l.Child).ToDictionary(g => g.Key, g => g.Select(l => l.Parent).ToList());
        var pairs = new List<AlignedPair>();
        foreach (var (c, linked) in parentsOfChild.OrderBy(kv => kv.Key))
        {
            var child = children[c];
            var ordered = linked.OrderByDescending(p => features[c, p].Score).ToList();
            var parentItems = ordered.Select(p => parents[p].Item).ToList();
            var score = features[c, ordered[0]].Score;

            // The best alternative the alignment did not take, on either side of the best link.
            // Only scored pairs can be alternatives: one never scored shares none of the wording.
            var alternative = 0.0;
            var candidates = features.ParentsOf(c);
            for (var j = 0; j < candidates.Count; j++)
            {
                if (!linked.Contains(candidates[j]))
                {
                    alternative = Math.Max(alternative, features.FeaturesOf(c)[j].Score);
                }
            }

            var siblings = childrenOfParent[ordered[0]];
            foreach (var other in features.ChildrenOf(ordered[0]))
            {
                if (!siblings.Contains(other))
                {
                    alternative = Math.Max(alternative, features[other, ordered[0]].Score);
                }
            }

            var shifts = DeadlineComparison.Compare(child.Item, childYear, parentItems, parentYear);
            var similarity = TextSimilarity.Dice(child.MatchingText, string.Concat(ordered.Select(p => parents[p].MatchingText)));
            var flags = new List<AlignmentChange>();
            if (shifts.Any(s => s.Shift.Direction == ShiftDirection.Loosened))
            {
                flags.Add(AlignmentChange.DeadlineLoosened);
            }

            if (shifts.Any(s => s.Shift.Direction is ShiftDirection.Tightened or ShiftDirection.Added))
            {
                flags.Add(AlignmentChange.DeadlineTightened);
            }

            if (ordered.Count > 1)
            {
                flags.Add(AlignmentChange.Merged);
            }

            if (ordered.Any(p => childrenOfParent[p].Count > 1))
            {
                flags.Add(AlignmentChange.Split);
            }

            // A child office counts as named by the parent when the parent lists an office of the same
            // function or names it in its text ("省公安厅要在…" carries down to 市公安局): only offices the
            // parent never mentions are an added burden.
            var parentUnits = ordered.SelectMany(p => parents[p].UnitKeys).ToHashSet(StringComparer.Ordinal);
            if (child.UnitKeys.Any(u => !parentUnits.Contains(u) && !ordered.Any(p => parents[p].MatchingText.Contains(u, StringComparison.Ordinal))))
            {
                flags.Add(AlignmentChange.UnitsAdded);
            }

            flags.Add(similarity >= options.UnchangedSimilarity ? AlignmentChange.Unchanged : AlignmentChange.Reworded);
            pairs.Add(new AlignedPair(
                child.Item,
                parentItems,
                flags.Min(),
                flags,
                [.. shifts.Select(s => s.Shift)],
                ConfidenceModel.Of(score, alternative),
                Math.Round(score, 3),
                Math.Round(similarity, 3)));
        }

        return RemovedDeadlines.Add(pairs, children, parents, links);
    }
}
