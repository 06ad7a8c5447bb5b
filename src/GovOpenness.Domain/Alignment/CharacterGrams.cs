namespace GovOpenness.Domain.Alignment;

/// <summary>
/// Character bigrams and trigrams of Chinese text, packed into 64-bit keys.
/// </summary>
/// <remarks>
/// Why n-grams: written Chinese has no spaces and the project brings no word segmenter, but most
/// words are two or three characters, so bigrams and trigrams hit the words (行政执法, 电子技术监控)
/// whatever their segmentation. Bigrams survive rewording that changes a word's neighbours;
/// trigrams are more specific and keep two unrelated texts that share common bigrams apart.
/// Grams never cross punctuation: "、" and "，" separate list members and clauses, not words.
/// </remarks>
internal static class CharacterGrams
{
    private const long BigramTag = 2L << 48;
    private const long TrigramTag = 3L << 48;

    /// <summary>Calls <paramref name="visit"/> with every gram of <paramref name="text"/>, repeats included.</summary>
    public static void ForEach(string text, Action<long> visit)
    {
        var runStart = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && AlignmentText.IsWordChar(text[i]))
            {
                continue;
            }

            for (var j = runStart; j + 1 < i; j++)
            {
                visit(BigramTag | ((long)text[j] << 16) | text[j + 1]);
                if (j + 2 < i)
                {
                    visit(TrigramTag | ((long)text[j] << 32) | ((long)text[j + 1] << 16) | text[j + 2]);
                }
            }

            runStart = i + 1;
        }
    }

    /// <summary>Appends every gram of <paramref name="text"/> to <paramref name="into"/> (no delegate per gram).</summary>
    public static void Collect(string text, List<long> into)
    {
        var runStart = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && AlignmentText.IsWordChar(text[i]))
            {
                continue;
            }

            for (var j = runStart; j + 1 < i; j++)
            {
                into.Add(BigramTag | ((long)text[j] << 16) | text[j + 1]);
                if (j + 2 < i)
                {
                    into.Add(TrigramTag | ((long)text[j] << 32) | ((long)text[j + 1] << 16) | text[j + 2]);
                }
            }

            runStart = i + 1;
        }
    }

    /// <summary>Gram counts of <paramref name="text"/>.</summary>
    public static Dictionary<long, int> Count(string text)
    {
        var counts = new Dictionary<long, int>();
        ForEach(text, gram => counts[gram] = counts.GetValueOrDefault(gram) + 1);
        return counts;
    }
}
