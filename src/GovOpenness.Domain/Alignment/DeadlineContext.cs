namespace GovOpenness.Domain.Alignment;

/// <summary>The sentence a deadline phrase stands in, as a set of grams: says which task the date is for.</summary>
internal static class DeadlineContext
{
    public static HashSet<long> Grams(string itemText, string deadlineText)
    {
        var sentence = SentenceAround(itemText, deadlineText);
        var grams = new HashSet<long>();
        CharacterGrams.ForEach(AlignmentText.ForMatching(sentence), g => grams.Add(g));
        return grams;
    }

    /// <summary>Share of the smaller gram set found in the larger (0 when either is empty).</summary>
    public static double Similarity(HashSet<long> a, HashSet<long> b)
    {
        if (a.Count == 0 || b.Count == 0)
        {
            return 0;
        }

        var (small, large) = a.Count <= b.Count ? (a, b) : (b, a);
        return (double)small.Count(large.Contains) / small.Count;
    }

    /// <summary>The sentence of <paramref name="text"/> that holds <paramref name="phrase"/> (the whole text if not found).</summary>
    public static string SentenceAround(string text, string phrase)
    {
        var at = phrase.Length == 0 ? -1 : text.IndexOf(phrase, StringComparison.Ordinal);
        if (at < 0)
        {
            return text;
        }

        var start = at;
        while (start > 0 && !IsEnd(text[start - 1]))
        {
            start--;
        }

        var end = at + phrase.Length;
        while (end < text.Length && !IsEnd(text[end]))
        {
            end++;
        }

        return text[start..end];
    }

    private static bool IsEnd(char c) => c is '。' or '；' or ';' or '！' or '？' or '.';
}
