namespace GovOpenness.Domain.Parsing;

/// <summary>
/// Character bigrams of normalized text, letters and digits only: the measure for "this table row
/// restates that item", robust to punctuation, abridgement and reordered clauses.
/// </summary>
internal static class Bigrams
{
    public static HashSet<int> Of(string text)
    {
        var norm = Text.ChineseText.Normalize(text);
        var set = new HashSet<int>();
        var previous = '\0';
        foreach (var c in norm)
        {
            if (!char.IsLetterOrDigit(c))
            {
                continue;
            }

            if (previous != '\0')
            {
                set.Add((previous << 16) | c);
            }

            previous = c;
        }

        return set;
    }

    /// <summary>The share of <paramref name="part"/>'s bigrams found in <paramref name="whole"/> (0 when part is empty).</summary>
    public static double Containment(HashSet<int> part, HashSet<int> whole)
    {
        if (part.Count == 0)
        {
            return 0;
        }

        var shared = 0;
        foreach (var b in part)
        {
            if (whole.Contains(b))
            {
                shared++;
            }
        }

        return (double)shared / part.Count;
    }
}
