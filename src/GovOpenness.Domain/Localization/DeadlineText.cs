using System.Collections.Concurrent;
using System.Globalization;
using GovOpenness.Domain.Plans;

namespace GovOpenness.Domain.Localization;

/// <summary>
/// Writes a moved deadline the way the documents do ("7月底前", "年底前", "从8月起"), so a localized
/// item reads like the body's own document.
/// </summary>
public static class DeadlineText
{
    // Few distinct phrases occur (a year of dates per kind), and a cascade writes them for every body:
    // cache them rather than format tens of thousands of identical strings.
    private static readonly ConcurrentDictionary<(DateOnly, DeadlineKind, int), string> Cache = new();

    public static string For(DateOnly date, DeadlineKind kind, int planYear) =>
        Cache.GetOrAdd((date, kind, planYear), static key => Format(key.Item1, key.Item2, key.Item3));

    private static string Format(DateOnly date, DeadlineKind kind, int planYear)
    {
        var year = date.Year == planYear || kind == DeadlineKind.Recurring ? "" : $"{date.Year}年";
        var isMonthEnd = date.Day == DateTime.DaysInMonth(date.Year, date.Month);
        var day = isMonthEnd
            ? (date.Month == 12 && year.Length == 0 ? "年底" : $"{date.Month}月底")
            : $"{date.Month}月{date.Day.ToString(CultureInfo.InvariantCulture)}日";
        return kind switch
        {
            DeadlineKind.From => date.Day == 1 ? $"{year}从{date.Month}月起" : $"{year}从{date.Month}月{date.Day}日起",
            DeadlineKind.Recurring => $"每年{day}前",
            DeadlineKind.Target when isMonthEnd && date.Month == 12 => $"到{date.Year}年",
            _ => $"{year}{day}前",
        };
    }
}
