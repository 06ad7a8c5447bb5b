namespace GovOpenness.Domain.Simulation;

/// <summary>
/// A tiny per-body random stream (SplitMix64). Seeded from the scenario seed and the body's numeric
/// code, so each body draws the same numbers whatever thread or order simulates it: parallel runs
/// stay identical to sequential ones. A struct with one word of state: no allocation per body.
/// </summary>
public struct BodyRandom
{
    private ulong _state;

    public BodyRandom(ulong seed, long bodyCode)
    {
        // Mix both inputs once so neighbouring codes (141181001, 141181002 …) start far apart.
        _state = Mix(seed ^ Mix((ulong)bodyCode + 0x632BE59BD9B4E019UL));
    }

    /// <summary>A uniform double in [0, 1).</summary>
    public double NextDouble() => (Next() >> 11) * (1.0 / (1UL << 53));

    /// <summary>A standard normal draw (Box–Muller; the second value is dropped to keep the state one word).</summary>
    public double NextNormal()
    {
        var u1 = 1.0 - NextDouble(); // (0, 1]: log stays finite
        var u2 = NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    public ulong Next()
    {
        _state += 0x9E3779B97F4A7C15UL;
        return Mix(_state);
    }

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
