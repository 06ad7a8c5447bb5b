using System.Globalization;

namespace GovOpenness.Domain.Localization;

/// <summary>
/// Reproducible per-body, per-item draws for deadline rules with a random part ("5 to 10 working days
/// before the parent's"). Stateless: a draw depends only on (seed, body, item), never on the order
/// bodies or items are visited, so the simulation's parallel loop and a grain deriving one body's plan
/// draw the same number.
/// </summary>
public static class DeadlineDraw
{
    /// <summary>A body's key: its division code as a number ("141181" → 141181, "cn" → 0, the simulation's
    /// codes), or a stable hash of the id for bodies without a numeric code (departments such as "14.sthj").</summary>
    public static ulong BodyKeyOf(string? bodyId)
    {
        if (string.IsNullOrEmpty(bodyId) || bodyId == Hierarchy.BodyId.Nation)
        {
            return 0;
        }

        return long.TryParse(bodyId, NumberStyles.None, CultureInfo.InvariantCulture, out var code) ? (ulong)code : Hash(bodyId, 0);
    }

    /// <summary>A deadline's key: the item's id and the deadline's position in the item.</summary>
    public static ulong ItemKeyOf(string itemId, int deadlineIndex) => Hash(itemId, (ulong)deadlineIndex);

    /// <summary>A uniform draw in [0, 1) for (seed, body, item).</summary>
    public static double Unit(ulong seed, ulong bodyKey, ulong itemKey) =>
        (Mix(seed ^ Mix(bodyKey + 0x632BE59BD9B4E019UL) ^ Mix(itemKey ^ 0x9E3779B97F4A7C15UL)) >> 11) * (1.0 / (1UL << 53));

    // FNV-1a over the UTF-16 code units: stable across processes (string.GetHashCode is not).
    private static ulong Hash(string text, ulong salt)
    {
        var hash = 0xCBF29CE484222325UL ^ salt;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 0x100000001B3UL;
        }

        return hash;
    }

    // SplitMix64's finalizer: neighbouring codes (141181001, 141181002 …) land far apart.
    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
