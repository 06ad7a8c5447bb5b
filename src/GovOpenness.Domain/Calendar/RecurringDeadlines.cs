using GovOpenness.Domain.Plans;

namespace GovOpenness.Domain.Calendar;

/// <summary>
/// When a yearly deadline ("每年3月底前") falls due: its first occurrence on or after a trigger. For a
/// plan the trigger is its issue date, so "每年3月底前" in a plan issued on 2022-04-26 is due on
/// 2023-03-31, not on 2022-03-31 (which had passed before anyone could act). One rule, applied where a
/// document becomes a plan (published to the grains, read by the simulation), so the viewer, the grains
/// and the simulation all count the same date.
/// </summary>
public static class RecurringDeadlines
{
    /// <summary>The same month and day in the trigger's year, or the next year's if already past (29 Feb → 28 Feb).</summary>
    public static DateOnly NextOccurrence(DateOnly date, DateOnly trigger)
    {
        var candidate = InYear(date, trigger.Year);
        return candidate >= trigger ? candidate : InYear(date, trigger.Year + 1);
    }

    /// <summary>The deadline with a recurring date moved to its first occurrence on or after the issue
    /// date; any other deadline, or an unknown issue date, unchanged.</summary>
    public static Deadline Resolve(Deadline deadline, DateOnly? issued)
    {
        ArgumentNullException.ThrowIfNull(deadline);
        return deadline is { Kind: DeadlineKind.Recurring, Date: { } date } && issued is { } trigger && NextOccurrence(date, trigger) is var due && due != date
            ? deadline with { Date = due }
            : deadline;
    }

    /// <summary>The document with every recurring deadline resolved against its issue date.</summary>
    public static PlanDocument Resolve(PlanDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (document.IssueDate is not { } issued || !document.Items.Any(i => i.Deadlines.Any(d => d.Kind == DeadlineKind.Recurring)))
        {
            return document;
        }

        return document with
        {
            Items = [.. document.Items.Select(i => i.Deadlines.Any(d => d.Kind == DeadlineKind.Recurring)
                ? i with { Deadlines = [.. i.Deadlines.Select(d => Resolve(d, issued))] }
                : i)],
        };
    }

    private static DateOnly InYear(DateOnly date, int year) =>
        new(year, date.Month, Math.Min(date.Day, DateTime.DaysInMonth(year, date.Month)));
}
