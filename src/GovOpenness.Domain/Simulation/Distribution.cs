namespace GovOpenness.Domain.Simulation;

/// <summary>
/// A duration distribution in days. A small immutable value: parameters are validated by the
/// scenario reader, so <see cref="Sample"/> never fails and never allocates.
/// </summary>
public readonly record struct Distribution(DistributionKind Kind, double A, double B = 0, double C = 0)
{
    public static Distribution Fixed(double value) => new(DistributionKind.Fixed, value);

    public static Distribution Uniform(double min, double max) => new(DistributionKind.Uniform, min, max);

    public static Distribution Triangular(double min, double mode, double max) => new(DistributionKind.Triangular, min, mode, max);

    /// <summary>Log-normal with arithmetic mean <paramref name="mean"/> days and log-space sd <paramref name="sigma"/>.</summary>
    public static Distribution LogNormal(double mean, double sigma) =>
        new(DistributionKind.LogNormal, Math.Log(Math.Max(mean, 1e-9)) - (sigma * sigma / 2), sigma);

    /// <summary>A draw rounded to whole days, never negative.</summary>
    public int SampleDays(ref BodyRandom random) => (int)Math.Round(Math.Max(0, Sample(ref random)));

    public double Sample(ref BodyRandom random) => Kind switch
    {
        DistributionKind.Fixed => A,
        DistributionKind.Uniform => A + ((B - A) * random.NextDouble()),
        DistributionKind.Triangular => SampleTriangular(random.NextDouble()),
        DistributionKind.LogNormal => Math.Exp(A + (B * random.NextNormal())),
        _ => A,
    };

    /// <summary>The largest value a draw can take; for the log-normal its 99.9th percentile.</summary>
    public double UpperBound => Kind switch
    {
        DistributionKind.Uniform => B,
        DistributionKind.Triangular => C,
        DistributionKind.LogNormal => Math.Exp(A + (3.09 * B)),
        _ => A,
    };

    private double SampleTriangular(double u)
    {
        // Inverse CDF of the triangular distribution (min A, mode B, max C).
        var (min, mode, max) = (A, B, C);
        if (max <= min)
        {
            return min;
        }

        var split = (mode - min) / (max - min);
        return u < split
            ? min + Math.Sqrt(u * (max - min) * (mode - min))
            : max - Math.Sqrt((1 - u) * (max - min) * (max - mode));
    }

    /// <summary>Readable Chinese description, e.g. "对数正态（均值30天，σ=0.45）".</summary>
    public string Describe() => Kind switch
    {
        DistributionKind.Uniform => $"均匀分布（{A:0.#}–{B:0.#}天）",
        DistributionKind.Triangular => $"三角分布（{A:0.#}–{C:0.#}天，最可能{B:0.#}天）",
        DistributionKind.LogNormal => $"对数正态（均值{Math.Exp(A + (B * B / 2)):0.#}天，σ={B:0.##}）",
        _ => $"{A:0.#}天",
    };
}
