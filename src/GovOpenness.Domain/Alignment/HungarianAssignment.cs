namespace GovOpenness.Domain.Alignment;

/// <summary>
/// Maximum-weight one-to-one assignment between rows and columns (Kuhn–Munkres with potentials,
/// O(n²·m)). Used for the backbone of the alignment: the set of 1-to-1 pairs whose total score is
/// highest, so an early child item cannot grab a parent item that a later child carries better.
/// </summary>
internal static class HungarianAssignment
{
    /// <summary>For each row, the assigned column or -1. Pairs with weight ≤ 0 are never kept.</summary>
    public static int[] Maximize(double[,] weights)
    {
        var rows = weights.GetLength(0);
        var cols = weights.GetLength(1);
        var result = Enumerable.Repeat(-1, rows).ToArray();
        if (rows == 0 || cols == 0)
        {
            return result;
        }

        // Square the problem: rows assigned to a padding column stay unmatched.
        var n = Math.Max(rows, cols);
        var cost = new double[n + 1, n + 1];
        for (var i = 1; i <= n; i++)
        {
            for (var j = 1; j <= n; j++)
            {
                var w = i <= rows && j <= cols ? Math.Max(0, weights[i - 1, j - 1]) : 0;
                cost[i, j] = -w;
            }
        }

        var u = new double[n + 1];
        var v = new double[n + 1];
        var match = new int[n + 1];
        var way = new int[n + 1];
        for (var i = 1; i <= n; i++)
        {
            match[0] = i;
            var j0 = 0;
            var minv = Enumerable.Repeat(double.PositiveInfinity, n + 1).ToArray();
            var used = new bool[n + 1];
            do
            {
                used[j0] = true;
                var i0 = match[j0];
                var delta = double.PositiveInfinity;
                var j1 = 0;
                for (var j = 1; j <= n; j++)
                {
                    if (used[j])
                    {
                        continue;
                    }

                    var cur = cost[i0, j] - u[i0] - v[j];
                    if (cur < minv[j])
                    {
                        minv[j] = cur;
                        way[j] = j0;
                    }

                    if (minv[j] < delta)
                    {
                        delta = minv[j];
                        j1 = j;
                    }
                }

                for (var j = 0; j <= n; j++)
                {
                    if (used[j])
                    {
                        u[match[j]] += delta;
                        v[j] -= delta;
                    }
                    else
                    {
                        minv[j] -= delta;
                    }
                }

                j0 = j1;
            }
            while (match[j0] != 0);

            do
            {
                var j1 = way[j0];
                match[j0] = match[j1];
                j0 = j1;
            }
            while (j0 != 0);
        }

        for (var j = 1; j <= cols; j++)
        {
            var i = match[j];
            if (i >= 1 && i <= rows && weights[i - 1, j - 1] > 0)
            {
                result[i - 1] = j - 1;
            }
        }

        return result;
    }
}
