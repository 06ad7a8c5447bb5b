namespace GovOpenness.Domain.Alignment;

/// <summary>Computes <see cref="PairFeatures"/> for every child × parent pair of one tier.</summary>
internal static class PairScorer
{
    /// <summary>
    /// A clause whose IDF-weighted grams are found in the other item below this share is chance overlap
    /// (shared boilerplate such as "纳入政务公开工作考核"); at or above <see cref="FullMatch"/> it counts as
    /// carried over in full. In between it counts in proportion.
    /// </summary>
    private const double NoMatch = 0.25;
    private const double FullMatch = 0.75;

    public static PairFeatures[,] Score(IReadOnlyList<ItemProfile> children, IReadOnlyList<ItemProfile> parents, int gramCount, CancellationToken cancellation = default)
    {
        var childCovered = Covered(children, parents, gramCount, cancellation);
        var parentCovered = Covered(parents, children, gramCount, cancellation);
        cancellation.ThrowIfCancellationRequested();
        var items = CosineMatrix.Compute([.. children.Select(c => c.Vector)], [.. parents.Select(p => p.Vector)], gramCount);
        var headings = CosineMatrix.Compute([.. children.Select(c => c.HeadingVector)], [.. parents.Select(p => p.HeadingVector)], gramCount);
        var sections = CosineMatrix.Compute([.. children.Select(c => c.SectionVector)], [.. parents.Select(p => p.SectionVector)], gramCount);
        var features = new PairFeatures[children.Count, parents.Count];
        for (var c = 0; c < children.Count; c++)
        {
            cancellation.ThrowIfCancellationRequested();
            var child = children[c];
            for (var p = 0; p < parents.Count; p++)
            {
                var parent = parents[p];
                features[c, p] = new PairFeatures(
                    ItemCosine: items[c, p],
                    ChildCovered: childCovered[c, p],
                    ParentCovered: parentCovered[p, c],
                    HeadingCosine: headings[c, p],
                    SectionCosine: sections[c, p],
                    PositionCloseness: 1 - Math.Abs(child.RelativePosition - parent.RelativePosition),
                    SharedDeadline: DeadlineComparison.ShareADate(child.Item, parent.Item) ? 1 : 0,
                    SharedUnit: child.UnitKeys.Overlaps(parent.UnitKeys) ? 1 : 0);
            }
        }

        return features;
    }

    /// <summary>
    /// For each item of <paramref name="from"/> and each item of <paramref name="into"/>: the share of the
    /// first item's clauses (by length) whose weighted grams reappear in the second item.
    /// </summary>
    private static double[,] Covered(IReadOnlyList<ItemProfile> from, IReadOnlyList<ItemProfile> into, int gramCount, CancellationToken cancellation)
    {
        // Inverted index gram → items of "into" that contain it: a clause then only visits the items
        // sharing a gram with it, which keeps long documents fast.
        var postings = new List<int>?[gramCount];
        for (var i = 0; i < into.Count; i++)
        {
            foreach (var id in into[i].GramIds)
            {
                (postings[id] ??= []).Add(i);
            }
        }

        var covered = new double[from.Count, into.Count];
        var found = new double[into.Count];
        for (var f = 0; f < from.Count; f++)
        {
            cancellation.ThrowIfCancellationRequested();
            var item = from[f];
            var total = item.TotalLength;
            if (total == 0)
            {
                continue;
            }

            foreach (var clause in item.Clauses)
            {
                if (clause.TotalIdf <= 0)
                {
                    continue;
                }

                Array.Clear(found);
                for (var k = 0; k < clause.Ids.Length; k++)
                {
                    var list = postings[clause.Ids[k]];
                    if (list is null)
                    {
                        continue;
                    }

                    foreach (var i in list)
                    {
                        found[i] += clause.Idf[k];
                    }
                }

                for (var i = 0; i < into.Count; i++)
                {
                    if (found[i] > 0)
                    {
                        covered[f, i] += Soften(found[i] / clause.TotalIdf) * clause.Length / total;
                    }
                }
            }
        }

        return covered;
    }

    private static double Soften(double share) => Math.Clamp((share - NoMatch) / (FullMatch - NoMatch), 0, 1);
}
