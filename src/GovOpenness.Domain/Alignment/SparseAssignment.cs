namespace GovOpenness.Domain.Alignment;

/// <summary>
/// The maximum-weight one-to-one assignment of a sparse weight matrix, solved per connected component
/// of its non-zero entries. Pairs below the match threshold are zero, so a plan of hundreds of items
/// falls apart into small groups of competing candidates; the Hungarian method's cubic cost then applies
/// to each small group instead of the whole plan. The result is the same as one assignment over all.
/// </summary>
internal static class SparseAssignment
{
    public static int[] Maximize(double[,] weights, CancellationToken cancellation = default)
    {
        var rows = weights.GetLength(0);
        var cols = weights.GetLength(1);
        var parent = Enumerable.Range(0, rows + cols).ToArray();
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < cols; c++)
            {
                if (weights[r, c] > 0)
                {
                    Union(parent, r, rows + c);
                }
            }
        }

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

            var local = new double[rowIds.Length, colIds.Length];
            for (var r = 0; r < rowIds.Length; r++)
            {
                for (var c = 0; c < colIds.Length; c++)
                {
                    local[r, c] = weights[rowIds[r], colIds[c]];
                }
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
