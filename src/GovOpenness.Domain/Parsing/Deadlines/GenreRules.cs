using System.Text.RegularExpressions;
using GovOpenness.Domain.Plans;

namespace GovOpenness.Domain.Parsing.Deadlines;

/// <summary>Readers for <see cref="GenrePatterns"/>: each turns a match into a deadline candidate.</summary>
internal static class GenreRules
{
    /// <summary>
    /// The Spring Festival (正月初一) by Gregorian year. "春节前" in a plan means the festival after the
    /// plan year's start of work, i.e. the one in the next year; the deadline is its eve.
    /// </summary>
    private static readonly Dictionary<int, DateOnly> SpringFestival = new()
    {
        [2019] = new(2019, 2, 5), [2020] = new(2020, 1, 25), [2021] = new(2021, 2, 12), [2022] = new(2022, 2, 1),
        [2023] = new(2023, 1, 22), [2024] = new(2024, 2, 10), [2025] = new(2025, 1, 29), [2026] = new(2026, 2, 17),
        [2027] = new(2027, 2, 6), [2028] = new(2028, 1, 26), [2029] = new(2029, 2, 13), [2030] = new(2030, 2, 3),
        [2031] = new(2031, 1, 23), [2032] = new(2032, 2, 11),
    };

    public static DeadlineCandidate CalendarDays(Match m, int planYear)
    {
        var days = ChineseNumerals.Parse(m.Groups["n"].ValueSpan);
        return days > 0
            ? new DeadlineCandidate(m.Index, m.Length, DeadlineKind.CalendarDays, Days: days)
            : DeadlineCandidate.Invalid(m.Index, m.Length, days == 0 ? "天数为0" : "天数无法识别");
    }

    /// <summary>"即日起": in force from the day the document is issued (no date of its own).</summary>
    public static DeadlineCandidate Immediately(Match m, int planYear) => new(m.Index, m.Length, DeadlineKind.From);

    /// <summary>"本月底前": by the end of the issuing month, which the phrase alone does not name.</summary>
    public static DeadlineCandidate ThisMonth(Match m, int planYear) => new(m.Index, m.Length, DeadlineKind.By);

    public static DeadlineCandidate MonthRange(Match m, int planYear)
    {
        var y1 = m.Groups["y1"].Success ? int.Parse(m.Groups["y1"].ValueSpan) : planYear;
        var y2 = m.Groups["y2"].Success ? int.Parse(m.Groups["y2"].ValueSpan) : y1;
        var m1 = int.Parse(m.Groups["m1"].ValueSpan);
        var m2 = int.Parse(m.Groups["m2"].ValueSpan);
        if (m1 is < 1 or > 12 || m2 is < 1 or > 12 || y2 is < 1949 or > 2200)
        {
            return DeadlineCandidate.Invalid(m.Index, m.Length, "没有这个月份");
        }

        return new DeadlineCandidate(m.Index, m.Length, DeadlineKind.By, new DateOnly(y2, m2, DateTime.DaysInMonth(y2, m2)));
    }

    public static DeadlineCandidate SpringFestivalEve(Match m, int planYear)
    {
        var year = m.Groups["y"].Success ? int.Parse(m.Groups["y"].ValueSpan) : planYear + 1;
        DateOnly? eve = SpringFestival.TryGetValue(year, out var day) ? day.AddDays(-1) : null;
        return new DeadlineCandidate(m.Index, m.Length, DeadlineKind.By, eve);
    }

    /// <summary>A frequency standing as a 时限: every quarter (03-31 first), every month (by day N, else month end), every half year.</summary>
    public static DeadlineCandidate Frequency(Match m, int planYear)
    {
        var phrase = m.Groups["p"];
        DateOnly date;
        if (m.Groups["q"].Success)
        {
            date = new DateOnly(planYear, 3, 31);
        }
        else if (m.Groups["h"].Success)
        {
            date = new DateOnly(planYear, 6, 30);
        }
        else if (m.Groups["d"].Success)
        {
            var day = int.Parse(m.Groups["d"].ValueSpan);
            if (day is < 1 or > 31)
            {
                return DeadlineCandidate.Invalid(phrase.Index, phrase.Length, "没有这一天");
            }

            date = new DateOnly(planYear, 1, day);
        }
        else
        {
            date = new DateOnly(planYear, 1, 31);
        }

        return new DeadlineCandidate(phrase.Index, phrase.Length, DeadlineKind.Recurring, date);
    }
}
