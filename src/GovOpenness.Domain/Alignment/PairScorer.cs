namespace GovOpenness.Domain.Alignment;

/// <summary>Computes <see cref="PairFeatures"/> for the chosen child × parent pairs of one tier.</summary>
/// <remarks>
/// Each pair costs the length of its two items: the child's grams are marked once, each candidate
/// parent's grams once, and each side's clauses look their grams up in the other side's marks. With a
/// bounded number of candidates per item (<see cref="CandidatePairs"/>) the whole tier costs the size of
/// the documents, not its square.
/// </remarks>
internal static class PairScorer
{
    /// <summary>
    /// A clause whose IDF-weighted grams are found in the other item below this share is chance overlap
    /// (shared boilerplate such as "纳入政务公开工作考核"); at or above <see cref="FullMatch"/> it counts as
    /// carried over in full. In between it counts in proportion.
    /// </summary>
    private const double NoMatch = 0.25;
    private const double FullMatch = 0.75;

    public static PairTable Score(IReadOnlyList<ItemProfile> children, IReadOnlyList<ItemProfile> parents, int[][] candidates, int gramCount, CancellationToken cancellation = default)
    {
        var childMarks = new GramMarks(gramCount);
        var parentMarks = new GramMarks(gramCount);
        var childLengths = children.Select(c => c.TotalLength).ToArray();
        var parentLengths = parents.Select(p => p.TotalLength).ToArray();
        var features = new PairFeatures[children.Count][];
        for (var c = 0; c < children.Count; c++)
        {
            cancellation.ThrowIfCancellationRequested();
            var child = children[c];
            childMarks.Mark(child.GramIds);
            var row = features[c] = new PairFeatures[candidates[c].Length];
            for (var j = 0; j < row.Length; j++)
            {
                var p = candidates[c][j];
                var parent = parents[p];
                parentMarks.Mark(parent.GramIds);
                row[j] = new PairFeatures(
                    ItemCosine: child.Vector.Cosine(parent.Vector),
                    ChildCovered: Covered(child, childLengths[c], parentMarks),
                    ParentCovered: Covered(parent, parentLengths[p], childMarks),
                    HeadingCosine: child.HeadingVector.Cosine(parent.HeadingVector),
                    SectionCosine: child.SectionVector.Cosine(parent.SectionVector),
                    PositionCloseness: 1 - Math.Abs(child.RelativePosition - parent.RelativePosition),
                    SharedDeadline: DeadlineComparison.ShareADate(child.Item, parent.Item) ? 1 : 0,
                    SharedUnit: child.UnitKeys.Overlaps(parent.UnitKeys) ? 1 : 0);
            }
        }

        return new PairTable(parents.Count, candidates, features);
    }

    /// <summary>
    /// The share of the item's clauses (by length) whose weighted grams reappear in the other item, whose
    /// grams are marked.
    /// </summary>
    private static double Covered(ItemProfile item, int total, GramMarks other)
    {
        if (total == 0)
        {
            return 0;
        }

        var covered = 0.0;
        foreach (var clause in item.Clauses)
        {
            if (clause.TotalIdf <= 0)
            {
                continue;
            }

            var found = 0.0;
            for (var k = 0; k < clause.Ids.Length; k++)
            {
                if (other.Has(clause.Ids[k]))
                {
                    found += clause.Idf[k];
                }
            }

            if (found > 0)
            {
                covered += Soften(found / clause.TotalIdf) * clause.Length / total;
            }
        }

        return covered;
    }

    private static double Soften(double share) => Math.Clamp((share - NoMatch) / (FullMatch - NoMatch), 0, 1);

    /// <summary>The grams of one item, marked for constant-time lookups; re-marking forgets the previous item.</summary>
    private sealed class GramMarks(int gramCount)
    {
        private readonly int[] _stamp = new int[gramCount];
        private int _generation;

        public void Mark(int[] ids)
        {
            _generation++;
            foreach (var id in ids)
            {
                _stamp[id] = _generation;
            }
        }

        public bool Has(int id) => _stamp[id] == _generation;
    }
}
