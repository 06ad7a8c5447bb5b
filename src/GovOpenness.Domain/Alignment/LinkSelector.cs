namespace GovOpenness.Domain.Alignment;

/// <summary>
/// Chooses which child/parent pairs are linked: a global one-to-one backbone, then extra links for
/// merges (one child carries several parents) and splits (several children carry one parent).
/// </summary>
internal static class LinkSelector
{
    public static List<(int Child, int Parent)> Select(PairFeatures[,] features, AlignmentOptions options, CancellationToken cancellation = default)
    {
        var children = features.GetLength(0);
        var parents = features.GetLength(1);
        var weights = new double[children, parents];
        for (var c = 0; c < children; c++)
        {
            for (var p = 0; p < parents; p++)
            {
                var score = features[c, p].Score;
                weights[c, p] = score >= options.MatchThreshold ? score : 0;
            }
        }

        var backbone = SparseAssignment.Maximize(weights, cancellation);
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
        var bestOfChild = new double[children];
        var bestOfParent = new double[parents];
        for (var c = 0; c < children; c++)
        {
            for (var p = 0; p < parents; p++)
            {
                bestOfChild[c] = Math.Max(bestOfChild[c], features[c, p].Score);
                bestOfParent[p] = Math.Max(bestOfParent[p], features[c, p].Score);
            }
        }

        for (var c = 0; c < children; c++)
        {
            for (var p = 0; p < parents; p++)
            {
                var f = features[c, p];
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
