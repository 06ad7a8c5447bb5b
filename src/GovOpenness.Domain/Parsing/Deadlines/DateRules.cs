using System.Text.RegularExpressions;
using GovOpenness.Domain.Plans;

namespace GovOpenness.Domain.Parsing.Deadlines;

/// <summary>
/// Turns a match of one of <see cref="DeadlinePatterns"/>' date phrases into a candidate: the kind, the
/// normalized date, or the reason the date cannot exist.
/// </summary>
internal static class DateRules
{
    public static DeadlineCandidate FromMonth(Match m, int planYear)
    {
        var yearProblem = ResolveYear(m, planYear, out var year);
        var month = ChineseNumerals.Parse(m.Groups["m"].ValueSpan);
        var problem = yearProblem ?? DeadlineDates.CheckMonth(month);
        var day = m.Groups["d"];
        if (problem is null && day.Success)
        {
            problem = DeadlineDates.CheckDay(year, month, ChineseNumerals.Parse(day.ValueSpan));
        }

        var isFrom = m.Groups["from"].Success || m.Groups["dfrom"].Success;
        var (start, length) = Extent(m, isFrom);
        if (problem is not null)
        {
            return DeadlineCandidate.Invalid(start, length, problem);
        }

        DateOnly date;
        if (day.Success)
        {
            if (!m.Groups["dbefore"].Success && !isFrom)
            {
                return DeadlineCandidate.NotADeadline(start, length); // A date without a marker: an event, not a deadline.
            }

            date = new DateOnly(year, month, ChineseNumerals.Parse(day.ValueSpan));
        }
        else if (isFrom)
        {
            date = new DateOnly(year, month, 1);
        }
        else if (m.Groups["xun"].Success)
        {
            date = DeadlineDates.EndOfXun(year, month, m.Groups["xun"].ValueSpan[0]);
        }
        else if (m.Groups["before"].Success)
        {
            date = DeadlineDates.BeforeMonth(year, month);
        }
        else
        {
            date = DeadlineDates.EndOfMonth(year, month);
        }

        var kind = isFrom ? DeadlineKind.From : m.Groups["every"].Success ? DeadlineKind.Recurring : DeadlineKind.By;
        return new DeadlineCandidate(start, length, kind, date);
    }

    public static DeadlineCandidate FromQuarter(Match m, int planYear)
    {
        var (start, length) = Extent(m, isFrom: false);
        if (ResolveYear(m, planYear, out var year) is { } problem)
        {
            return DeadlineCandidate.Invalid(start, length, problem);
        }

        var quarter = ChineseNumerals.Parse(m.Groups["q"].ValueSpan);
        return new DeadlineCandidate(start, length, ByOrRecurring(m), DeadlineDates.EndOfQuarter(year, quarter));
    }

    public static DeadlineCandidate FromHalfYear(Match m, int planYear)
    {
        var (start, length) = Extent(m, isFrom: false);
        if (ResolveYear(m, planYear, out var year) is { } problem)
        {
            return DeadlineCandidate.Invalid(start, length, problem);
        }

        var date = m.Groups["half"].ValueSpan[0] == '上' ? new DateOnly(year, 6, 30) : DeadlineDates.EndOfYear(year);
        return new DeadlineCandidate(start, length, ByOrRecurring(m), date);
    }

    /// <summary>"年底前", "2022年底前", "到2025年底": year-only, so a later year makes it a target.</summary>
    public static DeadlineCandidate FromYearEnd(Match m, int planYear)
    {
        var (start, length) = Extent(m, isFrom: false);
        if (ResolveYear(m, planYear, out var year) is { } problem)
        {
            return DeadlineCandidate.Invalid(start, length, problem);
        }

        var kind = m.Groups["every"].Success ? DeadlineKind.Recurring : ByOrTarget(year, planYear);
        return new DeadlineCandidate(start, length, kind, DeadlineDates.EndOfYear(year));
    }

    /// <summary>"年内", "本年度内", "今年内": the plan's year (明年内: the next).</summary>
    public static DeadlineCandidate FromWithinYear(Match m, int planYear)
    {
        var (start, length) = Extent(m, isFrom: false);
        ResolveYear(m, planYear, out var year);
        return new DeadlineCandidate(start, length, ByOrTarget(year, planYear), DeadlineDates.EndOfYear(year));
    }

    /// <summary>"2025年前", "2022年内", "从2021年起", "到2025年", "2021年—2023年,".</summary>
    public static DeadlineCandidate FromNamedYear(Match m, int planYear)
    {
        var isFrom = m.Groups["from"].Success;
        var (start, length) = Extent(m, isFrom);
        if (ResolveYear(m, planYear, out var year) is { } problem)
        {
            return DeadlineCandidate.Invalid(start, length, problem);
        }

        if (m.Groups["y0"].Success && ChineseNumerals.Parse(m.Groups["y0"].ValueSpan) > year)
        {
            return DeadlineCandidate.NotADeadline(start, length); // "2023—2021年": not a span.
        }

        return isFrom
            ? new DeadlineCandidate(start, length, DeadlineKind.From, new DateOnly(year, 1, 1))
            : new DeadlineCandidate(start, length, ByOrTarget(year, planYear), DeadlineDates.EndOfYear(year));
    }

    /// <summary>
    /// A phrase that names only a year is a multi-year <see cref="DeadlineKind.Target"/> when that
    /// year is after the plan's, and a plain <see cref="DeadlineKind.By"/> otherwise.
    /// </summary>
    private static DeadlineKind ByOrTarget(int year, int planYear) => year > planYear ? DeadlineKind.Target : DeadlineKind.By;

    private static DeadlineKind ByOrRecurring(Match m) => m.Groups["every"].Success ? DeadlineKind.Recurring : DeadlineKind.By;

    /// <summary>The year a phrase names ("2023年", "二〇二二年", "明年"), else the plan's; a problem if impossible.</summary>
    private static string? ResolveYear(Match m, int planYear, out int year)
    {
        year = planYear;
        var named = m.Groups["y"];
        if (named.Success)
        {
            year = ChineseNumerals.Parse(named.ValueSpan);
            return DeadlineDates.CheckYear(year);
        }

        var relative = m.Groups["rel"];
        if (relative.Success && relative.ValueSpan[0] is '明' or '次')
        {
            year = planYear + 1;
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
