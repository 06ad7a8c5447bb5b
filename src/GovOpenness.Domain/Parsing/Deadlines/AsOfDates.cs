namespace GovOpenness.Domain.Parsing.Deadlines;

/// <summary>
/// "截至2022年底，全省已建成…" states a fact as of a date, not a deadline. The date phrase itself
/// looks like one ("2022年底"), and an expression cannot forbid the prefix reliably (it would drop the
/// year and match "6月底" alone), so the check is made on the text before the phrase found.
/// </summary>
internal static class AsOfDates
{
    private const string DateCharacters = "0123456789〇零一二三四五六七八九十两年月日号第季度上中下半每本今当明次元 \t\r\n";

    /// <summary>Whether the phrase at <paramref name="start"/> follows "截至", "截止" or "截止到".</summary>
    public static bool IsAsOf(string normalized, int start)
    {
        // The phrase may begin with its own "至"/"到" ("至2022年底" inside "截至2022年底").
        if (start < normalized.Length && normalized[start] is '至' or '到' && EndsWithAsOf(normalized, start + 1))
        {
            return true;
        }

        var i = start;
        while (i > 0 && DateCharacters.Contains(normalized[i - 1], StringComparison.Ordinal))
        {
            i--;
        }

        return EndsWithAsOf(normalized, i);
    }

    private static bool EndsWithAsOf(string text, int end)
    {
        var before = text.AsSpan(0, end).TrimEnd();
        return before.EndsWith("截至", StringComparison.Ordinal)
            || before.EndsWith("截止", StringComparison.Ordinal)
            || before.EndsWith("截止到", StringComparison.Ordinal);
    }
}
