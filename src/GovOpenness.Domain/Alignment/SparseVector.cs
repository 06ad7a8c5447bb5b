namespace GovOpenness.Domain.Alignment;

/// <summary>A unit-length weighted gram vector, sorted by gram id so two vectors merge in one pass.</summary>
internal sealed class SparseVector
{
    public static readonly SparseVector Empty = new([], []);

    private SparseVector(int[] ids, float[] weights)
    {
        Ids = ids;
        Weights = weights;
    }

    public int[] Ids { get; }

    public float[] Weights { get; }

    public bool IsEmpty => Ids.Length == 0;

    /// <summary>Builds a unit vector from distinct ids and their raw weights (both arrays are taken over).</summary>
    public static SparseVector From(int[] ids, float[] weights)
    {
        if (ids.Length == 0)
        {
            return Empty;
        }

        Array.Sort(ids, weights);
        double norm = 0;
        foreach (var w in weights)
        {
            norm += w * w;
        }

        if (norm <= 0)
        {
            return Empty;
        }

        var scale = (float)(1 / Math.Sqrt(norm));
        for (var i = 0; i < weights.Length; i++)
        {
            weights[i] *= scale;
        }

        return new SparseVector(ids, weights);
    }

    /// <summary>Cosine similarity (both vectors have unit length).</summary>
    public double Cosine(SparseVector other)
    {
        double dot = 0;
        int i = 0, j = 0;
        while (i < Ids.Length && j < other.Ids.Length)
        {
            var a = Ids[i];
            var b = other.Ids[j];
            if (a == b)
            {
                dot += Weights[i] * other.Weights[j];
                i++;
                j++;
            }
            else if (a < b)
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return Math.Clamp(dot, 0, 1);
    }
}
