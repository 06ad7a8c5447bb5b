using GovOpenness.Domain.Plans;

namespace GovOpenness.Domain.Alignment;

/// <summary>The sentence a deadline phrase stands in, as a set of grams: says which task the date is for.</summary>
internal static class DeadlineSentences
{
    /// <summary>
    /// The sentence of each deadline of an item, found in order: an item that states "2022年11月底前" and
    /// later "11月底前" must not read the second phrase inside the first.
    /// </summary>
    public static List<(Deadline Deadline, HashSet<long> Grams)> ForItem(PlanItem item)
    {
        var result = new List<(Deadline, HashSet<long>)>();
        var cursor = 0;
        foreach (var deadline in item.Deadlines)
        {
            var (sentence, end) = SentenceAround(item.Text, deadline.Text, cursor);
            if (end > 0)
            {
                cursor = end;
            }

            result.Add((deadline, GramsOf(sentence)));
        }

        return result;
    }

    private static HashSet<long> GramsOf(string sentence)
    {
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

    /// <summary>
    /// The sentence of <paramref name="text"/> that holds <paramref name="phrase"/> at or after
    /// <paramref name="from"/> (the whole text if not found), and where the phrase ends (0 if not found).
    /// </summary>
    public static (string Sentence, int PhraseEnd) SentenceAround(string text, string phrase, int from)
    {
        var at = phrase.Length == 0 || from >= text.Length ? -1 : text.IndexOf(phrase, from, StringComparison.Ordinal);
        if (at < 0 && from > 0)
        {
            at = text.IndexOf(phrase, StringComparison.Ordinal);
        }

        if (at < 0)
        {
            return (text, 0);
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

        return (text[start..end], at + phrase.Length);
    }

    private static bool IsEnd(char c) => c is '。' or '；' or ';' or '！' or '？' or '.';
}
