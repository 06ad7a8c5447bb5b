using GovOpenness.Domain.Calendar;
using GovOpenness.Domain.Plans;

namespace GovOpenness.Domain.Alignment;

/// <summary>
/// Compares the deadlines of a child item with those of the parent item(s) it carries out.
/// </summary>
/// <remarks>
/// Each child deadline is paired with the parent deadline of the same family (a date to be done by,
/// a start date, a number of working days) whose sentence reads most like the child's sentence: an
/// item such as the province's 行政执法 item sets two "11月底前" for two different tasks, and each of
/// the county's items carries one of them. Dates are compared within the child's plan year, so a
/// plan that carries last year's "年底前" over into this year is not read as a one-year loosening.
/// </remarks>
public static class DeadlineComparison
{
    /// <summary>The date a deadline fixes, if any: the due date, or the start of a "从…起".</summary>
    public static DateOnly? DateOf(Deadline? deadline) => deadline switch
    {
        null => null,
        { Kind: DeadlineKind.From } => deadline.Date,
        _ => deadline.DueDate,
    };

    /// <summary>Whether the two items name a deadline on the same month and day.</summary>
    internal static bool ShareADate(PlanItem a, PlanItem b)
    {
        foreach (var x in a.Deadlines)
        {
            var dx = DateOf(x);
            if (dx is null)
            {
                continue;
            }

            foreach (var y in b.Deadlines)
            {
                var dy = DateOf(y);
                if (dy is not null && dx.Value.Month == dy.Value.Month && dx.Value.Day == dy.Value.Day)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// The shifts for one child item against its parents. Parent deadlines the child does not take up
    /// are left out here: whether they were dropped can only be told across all the parent's children.
    /// </summary>
    internal static List<(DeadlineShift Shift, PlanItem? Parent)> Compare(
        PlanItem child, int childYear, IReadOnlyList<PlanItem> parents, int parentYear)
    {
        var shifts = new List<(DeadlineShift, PlanItem?)>();
        var candidates = parents
            .SelectMany(p => DeadlineSentences.ForItem(p).Select(d => (d.Deadline, Parent: p, Context: d.Grams)))
            .Where(c => Family(c.Deadline) is not null)
            .ToList();
        foreach (var (deadline, context) in DeadlineSentences.ForItem(child))
        {
            var family = Family(deadline);
            if (family is null)
            {
                continue;
            }

            var best = candidates
                .Where(c => Family(c.Deadline) == family)
                .Select(c => (c.Deadline, c.Parent, Similarity: DeadlineSentences.Similarity(context, c.Context)))
                .OrderByDescending(c => c.Similarity)
                .FirstOrDefault();
            shifts.Add(best.Deadline is null
                ? (new DeadlineShift(null, deadline, ShiftDirection.Added, null), null)
                : (Shift(best.Deadline, parentYear, deadline, childYear), best.Parent));
        }

        return shifts;
    }

    /// <summary>Compares one parent deadline with the child's, rebasing the parent's date into the child's year.</summary>
    internal static DeadlineShift Shift(Deadline from, int parentYear, Deadline to, int childYear)
    {
        if (from.Kind == DeadlineKind.WorkingDays || to.Kind == DeadlineKind.WorkingDays)
        {
            var direction = (from.Days, to.Days) switch
            {
                (int f, int t) when t < f => ShiftDirection.Tightened,
                (int f, int t) when t > f => ShiftDirection.Loosened,
                _ => ShiftDirection.Same,
            };
            return new DeadlineShift(from, to, direction, from.Days - to.Days);
        }

        var fromDate = DateOf(from);
        var toDate = DateOf(to);
        if (fromDate is null || toDate is null)
        {
            return new DeadlineShift(from, to, ShiftDirection.Same, null);
        }

        var rebased = fromDate.Value.AddYears(childYear - parentYear);
        var earlier = WorkingDaysBetween(toDate.Value, rebased);
        var dir = toDate.Value < rebased ? ShiftDirection.Tightened
            : toDate.Value > rebased ? ShiftDirection.Loosened
            : ShiftDirection.Same;
        return new DeadlineShift(from, to, dir, earlier);
    }

    /// <summary>Deadlines compare only within a family: a "by" date never against a "from" date.</summary>
    internal static string? Family(Deadline deadline) => deadline.Kind switch
    {
        DeadlineKind.By or DeadlineKind.Recurring or DeadlineKind.Target when deadline.Date is not null => "by",
        DeadlineKind.From when deadline.Date is not null => "from",
        DeadlineKind.WorkingDays when deadline.Days is not null => "days",
        _ => null,
    };

    private static int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        try
        {
            return WorkingDayCalendar.China.WorkingDaysBetween(from, to);
        }
        catch (ArgumentException)
        {
            // Outside the calendar's years: weekdays are the honest approximation.
            var sign = to < from ? -1 : 1;
            var (a, b) = to < from ? (to, from) : (from, to);
            var count = 0;
            for (var d = a.AddDays(1); d <= b; d = d.AddDays(1))
            {
                if (d.DayOfWeek is not DayOfWeek.Saturday and not DayOfWeek.Sunday)
                {
                    count++;
                }
            }

            return sign * count;
        }
    }
}
