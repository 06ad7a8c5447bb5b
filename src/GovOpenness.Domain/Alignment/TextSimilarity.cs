namespace GovOpenness.Domain.Alignment;

/// <summary>Dice similarity of the bigram multisets of two texts: 1 for the same wording in any layout.</summary>
internal static class TextSimilarity
{
    public static double Dice(string a, string b)
    {
        var ca = CharacterGrams.Count(a);
        var cb = CharacterGrams.Count(b);
        var total = ca.Values.Sum() + cb.Values.Sum();
        if (total == 0)
        {
            return 0;
        }

        var common = 0;
        foreach (var (gram, count) in ca)
        {
            if (cb.TryGetValue(gram, out var other))
            {
                common += Math.Min(count, other);
            }
        }

        return 2.0 * common / total;
    }
}
