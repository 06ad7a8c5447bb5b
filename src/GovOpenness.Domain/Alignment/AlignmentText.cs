using System.Text;
using System.Text.RegularExpressions;
using GovOpenness.Domain.Text;

namespace GovOpenness.Domain.Alignment;

/// <summary>
/// Turns an item's wording into the form compared across documents: one script, one width, no
/// layout whitespace, and without the "（责任单位：…）" tail, which is compared as units instead.
/// </summary>
internal static partial class AlignmentText
{
    /// <summary>Script and width folded, whitespace removed, responsibility tails cut.</summary>
    public static string ForMatching(string text)
    {
        // Traditional copies and full-width PDF digits must compare equal to the simplified original.
        var normalized = ChineseText.Normalize(text);
        normalized = ResponsibilityTail().Replace(normalized, string.Empty);
        var builder = new StringBuilder(normalized.Length);
        foreach (var c in normalized)
        {
            // PDF copies break lines and pad digits with spaces ("2022 年"): layout, not wording.
            if (!char.IsWhiteSpace(c))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>Sentences and clauses: the unit in which a child copies, moves or drops the parent's text.</summary>
    public static IReadOnlyList<string> Segments(string matchingText)
    {
        var segments = new List<string>();
        var start = 0;
        for (var i = 0; i <= matchingText.Length; i++)
        {
            if (i == matchingText.Length || IsSentenceEnd(matchingText[i]))
            {
                if (CountWordChars(matchingText, start, i) >= 4)
                {
                    segments.Add(matchingText[start..i]);
                }

                start = i + 1;
            }
        }

        return segments;
    }

    /// <summary>
    /// Clauses: sentences cut further at commas and colons. A child that reuses part of a parent's sentence
    /// ("依法公开…所属单位预算、决算及相关报表" from a sentence about the whole province's budgets) reuses a
    /// clause, not the sentence, so reuse is measured per clause.
    /// </summary>
    public static IReadOnlyList<string> Clauses(string matchingText)
    {
        var clauses = new List<string>();
        foreach (var sentence in Segments(matchingText))
        {
            var start = 0;
            for (var i = 0; i <= sentence.Length; i++)
            {
                if (i == sentence.Length || sentence[i] is '，' or ',' or '：' or ':')
                {
                    if (CountWordChars(sentence, start, i) >= 4)
                    {
                        clauses.Add(sentence[start..i]);
                    }

                    start = i + 1;
                }
            }
        }

        return clauses;
    }

    /// <summary>Whether the character carries wording (Han, letter, digit) rather than punctuation.</summary>
    public static bool IsWordChar(char c) => char.IsLetterOrDigit(c);

    private static bool IsSentenceEnd(char c) => c is '。' or '；' or ';' or '！' or '!' or '？' or '?' or '.';

    private static int CountWordChars(string text, int start, int end)
    {
        var count = 0;
        for (var i = start; i < end; i++)
        {
            if (IsWordChar(text[i]))
            {
                count++;
            }
        }

        return count;
    }

    [GeneratedRegex(@"[(（](?:责任单位|牵头单位|责任部门)[:：][^)）]*[)）]|[(（][^()（）]{1,60}负责[)）]")]
    private static partial Regex ResponsibilityTail();
}
