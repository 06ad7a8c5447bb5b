using System.Text.RegularExpressions;

namespace GovOpenness.Domain.Parsing;

/// <summary>
/// Recognizes numbering labels on a normalized line (brackets and digits already half-width).
/// Canonical labels, as <c>PlanItem.Path</c> carries them: Chinese numerals alone for "一、" sections
/// ("三"), full-width brackets for bracketed labels ("（二）", "（1）"), digits alone for "1." / "1、".
/// </summary>
internal static partial class HeadingPattern
{
    public static HeadingLabel? Match(string norm)
    {
        // Every label starts with a bracket, a numeral, a digit, a circled number or 第: most lines do not.
        if (norm.Length == 0 || !MayStartLabel(norm[0]))
        {
            return null;
        }

        Match m;
        if ((m = ChineseParen().Match(norm)).Success)
        {
            return new HeadingLabel(HeadingStyle.ChineseParen, $"（{m.Groups[1].Value}）", m.Length);
        }

        if ((m = ArabicParen().Match(norm)).Success)
        {
            return new HeadingLabel(HeadingStyle.ArabicParen, $"（{m.Groups[1].Value}）", m.Length);
        }

        if ((m = ChineseComma().Match(norm)).Success)
        {
            return new HeadingLabel(HeadingStyle.ChineseComma, m.Groups[1].Value, m.Length);
        }

        if ((m = ArabicDot().Match(norm)).Success)
        {
            return new HeadingLabel(HeadingStyle.ArabicDot, m.Groups[1].Value, m.Length);
        }

        if ((m = Circled().Match(norm)).Success)
        {
            return new HeadingLabel(HeadingStyle.Circled, m.Groups[1].Value, m.Length);
        }

        if ((m = Part().Match(norm)).Success)
        {
            return new HeadingLabel(HeadingStyle.Part, m.Groups[1].Value, m.Length);
        }

        return null;
    }

    private static bool MayStartLabel(char c)
        => c is '(' or '〔' or '第' or (>= '0' and <= '9') or (>= '\u2460' and <= '\u2473')
            || "一二三四五六七八九十百零〇".Contains(c);

    private const string Numeral = "[一二三四五六七八九十百零〇]";

    [GeneratedRegex(@"^[(〔]\s*(" + Numeral + @"{1,4})\s*[)〕]\s*[、.]?\s*")]
    private static partial Regex ChineseParen();

    [GeneratedRegex(@"^[(〔]\s*(\d{1,2})\s*[)〕]\s*[、.]?\s*")]
    private static partial Regex ArabicParen();

    [GeneratedRegex(@"^(" + Numeral + @"{1,4})\s*[、.,]\s*")]
    private static partial Regex ChineseComma();

    /// <summary>"1." but not "1.5万" or "2022."; at most two digits so years never match.</summary>
    [GeneratedRegex(@"^(\d{1,2})\s*(?:\.(?!\d)|、)\s*")]
    private static partial Regex ArabicDot();

    [GeneratedRegex(@"^([\u2460-\u2473])\s*")]
    private static partial Regex Circled();

    [GeneratedRegex(@"^(第(?:" + Numeral + @"{1,4}|\d{1,2})(?:部分|章|篇))\s*[、.:]?\s*")]
    private static partial Regex Part();
}
