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
        var yearProblem = PhraseMatch.ResolveYear(m, planYear, out var year);
        var month = ChineseNumerals.Parse(m.Groups["m"].ValueSpan);
        var problem = yearProblem ?? DeadlineDates.CheckMonth(month);
        var day = m.Groups["d"];
        if (problem is null && day.Success)
        {
            problem = DeadlineDates.CheckDay(year, month, ChineseNumerals.Parse(day.ValueSpan));
        }

        var isFrom = m.Groups["from"].Success || m.Groups["dfrom"].Success || m.Groups["xfrom"].Success;
        var (start, length) = PhraseMatch.Extent(m, isFrom);
        if (problem is not null)
        {
            return DeadlineCandidate.Invalid(start, length, problem);
        }

        DateOnly date;
        if (day.Success)
        {
            if (!m.Groups["dbefore"].Success && !isFrom && !m.Groups["alone"].Success)
            {
                return DeadlineCandidate.NotADeadline(start, length); // A date without a marker: an event, not a deadline.
            }

            date = new DateOnly(year, month, ChineseNumerals.Parse(day.ValueSpan));
        }
        else if (isFrom)
        {
            date = m.Groups["xun"].Success ? DeadlineDates.StartOfXun(year, month, m.Groups["xun"].ValueSpan[0]) : new DateOnly(year, month, 1);
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
        var isFrom = m.Groups["from"].Success;
        var (start, length) = PhraseMatch.Extent(m, isFrom);
        if (PhraseMatch.ResolveYear(m, planYear, out var year) is { } problem)
        {
            return DeadlineCandidate.Invalid(start, length, problem);
        }

        var quarter = ChineseNumerals.Parse(m.Groups["q"].ValueSpan);
        return isFrom
            ? new DeadlineCandidate(start, length, DeadlineKind.From, new DateOnly(year, (quarter * 3) - 2, 1))
            : new DeadlineCandidate(start, length, ByOrRecurring(m), DeadlineDates.EndOfQuarter(year, quarter));
    }

    public static DeadlineCandidate FromHalfYear(Match m, int planYear)
    {
        var isFrom = m.Groups["from"].Success;
        var (start, length) = PhraseMatch.Extent(m, isFrom);
        if (PhraseMatch.ResolveYear(m, planYear, out var year) is { } problem)
        {
            return DeadlineCandidate.Invalid(start, length, problem);
        }

        var firstHalf = m.Groups["half"].ValueSpan[0] == '上';
        return isFrom
            ? new DeadlineCandidate(start, length, DeadlineKind.From, new DateOnly(year, firstHalf ? 1 : 7, 1))
            : new DeadlineCandidate(start, length, ByOrRecurring(m), firstHalf ? new DateOnly(year, 6, 30) : DeadlineDates.EndOfYear(year));
    }

    /// <summary>"年底前", "2022年底前", "到2025年底": year-only, so a later year makes it a target.</summary>
    public static DeadlineCandidate FromYearEnd(Match m, int planYear)
    {
        var (start, length) = PhraseMatch.Extent(m, isFrom: false);
        if (PhraseMatch.ResolveYear(m, planYear, out var year) is { } problem)
        {
            return DeadlineCandidate.Invalid(start, length, problem);
        }

        var kind = m.Groups["every"].Success ? DeadlineKind.Recurring : ByOrTarget(year, planYear);
        return new DeadlineCandidate(start, length, kind, DeadlineDates.EndOfYear(year));
    }

    /// <summary>"年内", "本年度内", "今年内": the plan's year (明年内: the next).</summary>
    public static DeadlineCandidate FromWithinYear(Match m, int planYear)
    {
        var (start, length) = PhraseMatch.Extent(m, isFrom: false);
        if (PhraseMatch.ResolveYear(m, planYear, out var year) is { } problem)
        {
            return DeadlineCandidate.Invalid(start, length, problem);
        }

        return new DeadlineCandidate(start, length, ByOrTarget(year, planYear), DeadlineDates.EndOfYear(year));
    }

    /// <summary>"2025年前", "2022年内", "从2021年起", "到2025年", "2021年—2023年,".</summary>
    public static DeadlineCandidate FromNamedYear(Match m, int planYear)
    {
        var isFrom = m.Groups["from"].Success;
        var (start, length) = PhraseMatch.Extent(m, isFrom);
        if (PhraseMatch.ResolveYear(m, planYear, out var year) is { } problem)
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
}
