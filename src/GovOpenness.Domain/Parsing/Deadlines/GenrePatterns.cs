using System.Text.RegularExpressions;

namespace GovOpenness.Domain.Parsing.Deadlines;

/// <summary>
/// The time phrases task tables and ledgers use beyond those of the plans' prose (issue 15): calendar
/// days, "即日起", "本月底前", month ranges, "春节前", and frequencies standing alone as a 时限 cell.
/// Matched on normalized text (half width, simplified).
/// </summary>
internal static partial class GenrePatterns
{
    private const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture;
    private const string Separator = @"[\n\r\t|,.;:()。\[\]【】]";

    /// <summary>"5日内", "10天以内", "三日内", "15个自然日内"; not "15个工作日内" nor "1月15日内".</summary>
    [GeneratedRegex(@"(?<![0-9一二三四五六七八九十两月])(?<n>[0-9]{1,3}|[一二三四五六七八九十两]{1,3})\s*个?\s*(?:自然)?[日天](?:之内|以内|内)", Options)]
    public static partial Regex CalendarDays();

    /// <summary>"即日起", "即日开始", "自即日起".</summary>
    [GeneratedRegex(@"自?即日(?:起|开始)", Options)]
    public static partial Regex Immediately();

    /// <summary>"本月底前", "当月底", "本月内": the month the document is issued in.</summary>
    [GeneratedRegex(@"(?:本|当|今)月(?:底前|底|末前|末|内)", Options)]
    public static partial Regex ThisMonth();

    /// <summary>"6月—9月", "6月至9月底", "2022年6月至12月", "2022年6月-2023年3月": done by the end of the range.</summary>
    [GeneratedRegex(@"(?:(?<y1>[0-9]{4})\s*年\s*)?(?<m1>[0-9]{1,2})\s*月份?\s*(?:—|–|-|~|～|至|到)+\s*(?:(?<y2>[0-9]{4})\s*年\s*)?(?<m2>[0-9]{1,2})\s*月份?(?:底|末)?(?:前|之前)?", Options)]
    public static partial Regex MonthRange();

    /// <summary>"春节前", "2023年春节前".</summary>
    [GeneratedRegex(@"(?:(?<y>[0-9]{4})\s*年\s*)?春节(?:前|之前|以前)", Options)]
    public static partial Regex SpringFestival();

    /// <summary>
    /// "每季度", "每月10日前", "每季度末", "每半年" standing alone as a cell or clause (a 时限): in a
    /// sentence ("每季度公开一次", "每月10日前报送") they say how often, not by when.
    /// </summary>
    [GeneratedRegex(@"(?<=^|" + Separator + @"|\s)[ ]*(?<p>每(?:个)?(?<q>季度)(?:末|底)?(?:前)?|每(?:个)?(?<m>月)(?:(?<d>[0-9]{1,2})\s*日)?(?:底|末)?(?:前|之前)?|每(?<h>半年))[ ]*(?=$|" + Separator + ")", Options)]
    public static partial Regex Frequency();
}
