namespace GovOpenness.Domain.Alignment;

/// <summary>
/// All child × parent cosines at once through an inverted index over the parent vectors: the work is the
/// number of (child gram, parent gram) coincidences rather than rows × columns × vector length, which
/// keeps two 20,000-character plans (some 20,000 item pairs) well inside the time budget.
/// </summary>
internal static class CosineMatrix
{
    public static double[,] Compute(IReadOnlyList<SparseVector> rows, IReadOnlyList<SparseVector> columns, int dimension)
    {
        var postings = new List<(int Column, float Weight)>?[dimension];
        for (var c = 0; c < columns.Count; c++)
        {
            var vector = columns[c];
            for (var k = 0; k < vector.Ids.Length; k++)
            {
                (postings[vector.Ids[k]] ??= []).Add((c, vector.Weights[k]));
            }
        }

        var result = new double[rows.Count, columns.Count];
        for (var r = 0; r < rows.Count; r++)
        {
            var vector = rows[r];
            for (var k = 0; k < vector.Ids.Length; k++)
            {
                var list = postings[vector.Ids[k]];
                if (list is null)
                {
                    continue;
                }

                var weight = vector.Weights[k];
                foreach (var (column, other) in list)
                {
                    result[r, column] += weight * other;
                }
            }

            for (var c = 0; c < columns.Count; c++)
            {
                result[r, c] = Math.Clamp(result[r, c], 0, 1);
            }
        }

        return result;
    }
}
