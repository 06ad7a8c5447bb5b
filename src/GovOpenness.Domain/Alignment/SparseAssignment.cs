namespace GovOpenness.Domain.Alignment;

/// <summary>
/// The maximum-weight one-to-one assignment of a sparse weight matrix, solved per connected component
/// of its non-zero entries. Pairs below the match threshold are zero, so a plan of hundreds of items
/// falls apart into small groups of competing candidates; the Hungarian method's cubic cost then applies
/// to each small group instead of the whole plan. The result is the same as one assignment over all.
/// </summary>
internal static class SparseAssignment
{
    /// <summary>The same over a dense matrix (its entries above zero are the edges).</summary>
    public static int[] Maximize(double[,] weights, CancellationToken cancellation = default)
    {
        var edges = new List<(int Row, int Column, double Weight)>();
        for (var r = 0; r < weights.GetLength(0); r++)
        {
            for (var c = 0; c < weights.GetLength(1); c++)
            {
                if (weights[r, c] > 0)
                {
                    edges.Add((r, c, weights[r, c]));
                }
            }
        }

        return Maximize(weights.GetLength(0), weights.GetLength(1), edges, cancellation);
    }

    /// <summary>For each row, the assigned column or -1; only the given edges (weight above zero) can be assigned.</summary>
    public static int[] Maximize(int rows, int cols, IReadOnlyList<(int Row, int Column, double Weight)> edges, CancellationToken cancellation = default)
    {
        var parent = Enumerable.Range(0, rows + cols).ToArray();
        foreach (var (r, c, w) in edges)
        {
            if (w > 0)
            {
                Union(parent, r, rows + c);
            }
        }

        var edgesOfComponent = edges.Where(e => e.Weight > 0).GroupBy(e => Find(parent, e.Row)).ToDictionary(g => g.Key, g => g.ToList());
        var result = Enumerable.Repeat(-1, rows).ToArray();
        var components = Enumerable.Range(0, rows + cols).GroupBy(i => Find(parent, i));
        foreach (var component in components)
        {
            cancellation.ThrowIfCancellationRequested();
            var rowIds = component.Where(i => i < rows).ToArray();
            var colIds = component.Where(i => i >= rows).Select(i => i - rows).ToArray();
            if (rowIds.Length == 0 || colIds.Length == 0)
            {
                continue;
            }

            var rowAt = rowIds.Select((id, at) => (id, at)).ToDictionary(x => x.id, x => x.at);
            var colAt = colIds.Select((id, at) => (id, at)).ToDictionary(x => x.id, x => x.at);
            var local = new double[rowIds.Length, colIds.Length];
            foreach (var (r, c, w) in edgesOfComponent[component.Key])
            {
                local[rowAt[r], colAt[c]] = w;
            }

            var assigned = HungarianAssignment.Maximize(local);
            for (var r = 0; r < rowIds.Length; r++)
            {
                if (assigned[r] >= 0)
                {
                    result[rowIds[r]] = colIds[assigned[r]];
                }
            }
        }

        return result;
    }

    private static int Find(int[] parent, int i)
    {
        while (parent[i] != i)
        {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }

        return i;
    }

    private static void Union(int[] parent, int a, int b) => parent[Find(parent, a)] = Find(parent, b);
}
