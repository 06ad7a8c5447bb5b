using GovOpenness.Domain.Plans;

namespace GovOpenness.Domain.Alignment;

/// <summary>
/// Finds parent deadlines the children carry the task of but not the date. Only decidable across all
/// children of a parent: when a parent item is split, each child takes up one of its deadlines.
/// </summary>
internal static class RemovedDeadlines
{
    /// <summary>Share of the deadline's sentence that must reappear in a child for the task to count as carried.</summary>
    private const double SentenceCarried = 0.6;

    public static List<AlignedPair> Add(
        List<AlignedPair> pairs,
        IReadOnlyList<ItemProfile> children,
        IReadOnlyList<ItemProfile> parents,
        IReadOnlyList<(int Child, int Parent)> links)
    {
        var used = new HashSet<Deadline>(ReferenceEqualityComparer.Instance);
        foreach (var shift in pairs.SelectMany(p => p.DeadlineShifts))
        {
            if (shift.From is not null)
            {
                used.Add(shift.From);
            }
        }

        var result = pairs.ToList();
        var indexOfChild = new Dictionary<PlanItem, int>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < result.Count; i++)
        {
            indexOfChild[result[i].Child] = i;
        }

        foreach (var group in links.GroupBy(l => l.Parent))
        {
            var parent = parents[group.Key].Item;
            foreach (var (deadline, sentence) in DeadlineSentences.ForItem(parent))
            {
                if (used.Contains(deadline) || DeadlineComparison.Family(deadline) is null)
                {
                    continue;
                }

                var carrier = group
                    .Select(l => (Child: children[l.Child], Share: Containment(sentence, children[l.Child].MatchingText)))
                    .OrderByDescending(x => x.Share)
                    .First();
                if (carrier.Share < SentenceCarried)
                {
                    continue;
                }

                var index = indexOfChild[carrier.Child.Item];
                var pair = result[index];
                var flags = pair.Flags.Contains(AlignmentChange.DeadlineRemoved)
                    ? pair.Flags
                    : [.. pair.Flags, AlignmentChange.DeadlineRemoved];
                result[index] = pair with
                {
                    Flags = flags,
                    Change = flags.Min(),
                    DeadlineShifts = [.. pair.DeadlineShifts, new DeadlineShift(deadline, null, ShiftDirection.Removed, null)],
                };
            }
        }

        return result;
    }

    private static double Containment(HashSet<long> sentence, string childText)
    {
        if (sentence.Count == 0)
        {
            return 0;
        }

        var grams = new HashSet<long>();
        CharacterGrams.ForEach(childText, g => grams.Add(g));
        return (double)sentence.Count(grams.Contains) / sentence.Count;
    }
}
