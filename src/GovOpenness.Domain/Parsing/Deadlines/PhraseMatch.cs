using System.Text.RegularExpressions;

namespace GovOpenness.Domain.Parsing.Deadlines;

/// <summary>What every date phrase match shares: where the phrase lies and which year it names.</summary>
internal static class PhraseMatch
{
    /// <summary>The year a phrase names ("2023年", "二〇二二年", "明年", "去年"), else the plan's; a problem if impossible.</summary>
    public static string? ResolveYear(Match m, int planYear, out int year)
    {
        year = planYear;
        var named = m.Groups["y"];
        if (named.Success)
        {
            year = ChineseNumerals.Parse(named.ValueSpan);
            return DeadlineDates.CheckYear(year);
        }

        var relative = m.Groups["rel"];
        if (relative.Success)
        {
            year += relative.ValueSpan[0] switch
            {
                '明' or '次' => 1,
                '去' or '上' => -1,
                _ => 0,
            };
        }

        return DeadlineDates.CheckYear(year);
    }

    /// <summary>
    /// Where the phrase starts and how long it is. The expressions match from their anchor word and
    /// capture what precedes it in a lookbehind, so the phrase starts at the earliest capture. A leading
    /// "于" belongs to the phrase only for a start ("于6月起"); in "应于每年3月底前" the phrase is "每年3月底前".
    /// </summary>
    public static (int Start, int Length) Extent(Match m, bool isFrom)
    {
        var end = m.Index + m.Length;
        var lead = m.Groups["pre"];
        if (lead.Success && lead.ValueSpan[0] == '于' && !isFrom)
        {
            var afterLead = lead.Index + lead.Length;
            return (afterLead, end - afterLead); // Whitespace after "于" is trimmed by the caller.
        }

        var start = m.Index;
        for (var i = 1; i < m.Groups.Count; i++)
        {
            if (m.Groups[i] is { Success: true } group && group.Index < start)
            {
                start = group.Index;
            }
        }

        return (start, end - start);
    }
}
