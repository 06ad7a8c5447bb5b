namespace GovOpenness.Domain.Parsing;

/// <summary>Sentence boundaries for headings, on normalized text.</summary>
internal static class Headings
{
    /// <summary>Index of the first sentence end (。 or a full stop that is not a decimal point), or -1.</summary>
    public static int SentenceEnd(string norm)
    {
        for (var i = 0; i < norm.Length; i++)
        {
            var c = norm[i];
            if (c is '。' or '!' or '?')
            {
                return i;
            }

            // Some copies fold 。 to "."; "12.5" and "1.2" are numbers, not sentence ends.
            if (c == '.' && !(i > 0 && char.IsAsciiDigit(norm[i - 1]) && i + 1 < norm.Length && char.IsAsciiDigit(norm[i + 1])))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>A line that stops on a comma or similar continues on the next line.</summary>
    public static bool EndsMidSentence(string norm) => norm.Length > 0 && norm[^1] is ',' or '、' or ';' or ':' or '“' or '《' or '(';

    /// <summary>The first sentence of a text, as written (whole text when it has no sentence end).</summary>
    public static string FirstSentence(string text)
    {
        var norm = Text.ChineseText.FoldWidth(text);
        var end = SentenceEnd(norm);
        var newline = text.IndexOf('\n');
        if (end < 0 || (newline >= 0 && newline < end))
        {
            end = newline;
        }

        return Clean(end >= 0 ? text[..end] : text);
    }

    /// <summary>Trims blanks and closing punctuation.</summary>
    public static string Clean(string heading) => heading.Trim().TrimEnd('。', '．', '.', '，', ',', '；', ';', '：', ':', '！', '!', '？', '?').Trim();
}
