namespace GovOpenness.Domain.Alignment;

/// <summary>
/// Chooses which child/parent pairs are linked: a global one-to-one backbone, then extra links for
/// merges (one child carries several parents) and splits (several children carry one parent).
/// </summary>
internal static class LinkSelector
{
    public static List<(int Child, int Parent)> Select(PairTable pairs, AlignmentOptions options, CancellationToken cancellation = default)
    {
        var children = pairs.ChildCount;
        var edges = new List<(int Row, int Column, double Weight)>();
        var bestOfChild = new double[children];
        var bestOfParent = new double[pairs.ParentCount];
        for (var c = 0; c < children; c++)
        {
            var parents = pairs.ParentsOf(c);
            var features = pairs.FeaturesOf(c);
            for (var j = 0; j < parents.Count; j++)
            {
                var score = features[j].Score;
                if (score >= options.MatchThreshold)
                {
                    edges.Add((c, parents[j], score));
                }

                bestOfChild[c] = Math.Max(bestOfChild[c], score);
                bestOfParent[parents[j]] = Math.Max(bestOfParent[parents[j]], score);
            }
        }

        var backbone = SparseAssignment.Maximize(children, pairs.ParentCount, edges, cancellation);
        cancellation.ThrowIfCancellationRequested();
        var links = new HashSet<(int, int)>();
        for (var c = 0; c < children; c++)
        {
            if (backbone[c] >= 0)
            {
                links.Add((c, backbone[c]));
            }
        }

        // Extra links. A split child holds a part of its parent (most of the child is found in the
        // parent); a merge child holds most of an extra parent. Each must be nearly as good as the best
        // pair either side already has, so a generic sentence shared with a third item does not link it.
        for (var c = 0; c < children; c++)
        {
            var parents = pairs.ParentsOf(c);
            var features = pairs.FeaturesOf(c);
            for (var j = 0; j < parents.Count; j++)
            {
                var (p, f) = (parents[j], features[j]);
                if (links.Contains((c, p)) || f.Score < options.ExtraLinkThreshold)
                {
                    continue;
                }

                var partShown = Math.Max(f.ChildCovered, f.ParentCovered) >= options.ExtraLinkCoverage;
                var competitive = f.Score >= 0.75 * Math.Min(bestOfChild[c], bestOfParent[p]);
                if (partShown && competitive)
                {
                    links.Add((c, p));
                }
            }
        }

        return [.. links.OrderBy(l => l.Item1).ThenBy(l => l.Item2)];
    }
}
