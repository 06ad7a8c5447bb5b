using GovOpenness.Domain.Plans;

namespace GovOpenness.Domain.Localization;

/// <summary>Which deadlines a localization can move, shared by the materializer, validator and merge.</summary>
internal static class DeadlineRules
{
    /// <summary>A deadline with a calendar date a child can move earlier: by, every year by, from, target.</summary>
    public static bool IsDated(Deadline deadline) =>
        deadline.Date.HasValue && deadline.Kind is not (DeadlineKind.Ongoing or DeadlineKind.WorkingDays);

    /// <summary>The earliest due date (as <see cref="PlanItem.EarliestDueDate"/>, without LINQ: it runs
    /// for every item of every body in a cascade).</summary>
    public static DateOnly? EarliestDue(IReadOnlyList<Deadline> deadlines)
    {
        DateOnly? earliest = null;
        for (var i = 0; i < deadlines.Count; i++)
        {
            if (deadlines[i].DueDate is DateOnly due && (earliest is null || due < earliest))
            {
                earliest = due;
            }
        }

        return earliest;
    }

    /// <summary>The latest dated deadline of an item: the date a whole-item tightening is compared with.</summary>
    public static DateOnly? LatestDated(IReadOnlyList<Deadline> deadlines)
    {
        DateOnly? latest = null;
        foreach (var deadline in deadlines)
        {
            if (IsDated(deadline) && (latest is null || deadline.Date > latest))
            {
                latest = deadline.Date;
            }
        }

        return latest;
    }

    /// <summary>The parent date a tightening is compared with: the indexed deadline's, or the latest.</summary>
    public static DateOnly? ComparedDate(IReadOnlyList<Deadline> parentDeadlines, TightenDeadline change) =>
        change.DeadlineIndex is int index
            ? (index >= 0 && index < parentDeadlines.Count && IsDated(parentDeadlines[index]) ? parentDeadlines[index].Date : null)
            : LatestDated(parentDeadlines);

    /// <summary>Whether the index (if any) names a dated deadline of the item.</summary>
    public static bool NamesDatedDeadline(IReadOnlyList<Deadline> deadlines, int? index) =>
        index is not int i || (i >= 0 && i < deadlines.Count && IsDated(deadlines[i]));

    public static Deadline MovedTo(Deadline deadline, DateOnly date, int planYear) =>
        deadline with { Text = DeadlineText.For(date, deadline.Kind, planYear), Date = date };
}
