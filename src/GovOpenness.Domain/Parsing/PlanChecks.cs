using System.Globalization;
using GovOpenness.Domain.Calendar;
using GovOpenness.Domain.Plans;

namespace GovOpenness.Domain.Parsing;

/// <summary>
/// The checks a supervisor wants on one document, each reported as a <see cref="PlanWarning"/> with the
/// item's id and line and a message in Chinese:
/// <list type="bullet">
/// <item><c>deadline-passed</c>: a <see cref="DeadlineKind.By"/> or <see cref="DeadlineKind.Target"/>
/// date before the issue date (the plan asked for something already overdue when it arrived);</item>
/// <item><c>deadline-too-close</c>: such a date on or after the issue date but with fewer than
/// <see cref="PlanCheckOptions.MinWorkingDays"/> working days after it, counted on the calendar given
/// (holidays and adjusted working days);</item>
/// <item><c>missing-units</c>: a task item (an item with no items below it) naming no responsible
/// unit, itself or through a section above it, where most task items of the document name one.</item>
/// </list>
/// Recurring dates are not checked (this year's occurrence may pass, the next one will not), nor are
/// starts, working-day limits or ongoing items. Without an issue date the deadline checks are skipped.
/// </summary>
public static class PlanChecks
{
    public static IReadOnlyList<PlanWarning> Check(PlanDocument plan, WorkingDayCalendar calendar) =>
        Check(plan, calendar, PlanCheckOptions.Default);

    public static IReadOnlyList<PlanWarning> Check(PlanDocument plan, WorkingDayCalendar calendar, PlanCheckOptions options)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(options);
        var warnings = new List<PlanWarning>();
        if (plan.IssueDate is { } issued)
        {
            foreach (var item in plan.Items)
            {
                CheckDeadlines(item, issued, calendar, options, warnings);
            }
        }

        CheckUnits(plan.Items, options, warnings);
        return warnings;
    }

    private static void CheckDeadlines(PlanItem item, DateOnly issued, WorkingDayCalendar calendar, PlanCheckOptions options, List<PlanWarning> warnings)
    {
        foreach (var deadline in item.Deadlines)
        {
            if (deadline.Kind is not (DeadlineKind.By or DeadlineKind.Target) || deadline.Date is not { } due)
            {
                continue;
            }

            if (due < issued)
            {
                warnings.Add(new PlanWarning(
                    "deadline-passed",
                    $"{Where(item)}的时限“{deadline.Text}”（{Format(due)}）早于印发日期{Format(issued)}，文件印发时已经过期。",
                    item.Line,
                    item.Id));
                continue;
            }

            var workingDays = calendar.WorkingDaysBetween(issued, due);
            if (workingDays < options.MinWorkingDays)
            {
                warnings.Add(new PlanWarning(
                    "deadline-too-close",
                    $"{Where(item)}的时限“{deadline.Text}”（{Format(due)}）距印发日期{Format(issued)}仅{workingDays}个工作日，少于{options.MinWorkingDays}个工作日，下级难以按时落实。",
                    item.Line,
                    item.Id));
            }
        }
    }

    private static void CheckUnits(IReadOnlyList<PlanItem> items, PlanCheckOptions options, List<PlanWarning> warnings)
    {
        var tasks = TaskItems(items);
        if (tasks.Count < options.MinTaskItems)
        {
            return;
        }

        var withUnits = tasks.Count(t => t.HasUnits);
        if (withUnits <= tasks.Count * options.UnitCoverage)
        {
            return;
        }

        foreach (var (item, _) in tasks.Where(t => !t.HasUnits))
        {
            warnings.Add(new PlanWarning(
                "missing-units",
                $"{Where(item)}“{item.Heading}”未写明责任单位，而本文件{tasks.Count}个具体事项中有{withUnits}个写明了责任单位。",
                item.Line,
                item.Id));
        }
    }

    /// <summary>
    /// Items with no items below them: the tasks units are assigned to. Sections (一、) only group
    /// them and usually name no unit; when one does, its items inherit it. The list is flat in
    /// document order, so an item has items below it exactly when the next item is deeper, and its
    /// ancestors are the open items of smaller depth before it.
    /// </summary>
    private static List<(PlanItem Item, bool HasUnits)> TaskItems(IReadOnlyList<PlanItem> items)
    {
        var tasks = new List<(PlanItem, bool)>();
        var open = new Stack<(int Depth, bool HasUnits)>();
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            while (open.Count > 0 && open.Peek().Depth >= item.Depth)
            {
                open.Pop();
            }

            var hasUnits = item.Units.Count > 0 || (open.Count > 0 && open.Peek().HasUnits);
            open.Push((item.Depth, hasUnits));
            if (i == items.Count - 1 || items[i + 1].Depth <= item.Depth)
            {
                tasks.Add((item, hasUnits));
            }
        }

        return tasks;
    }

    private static string Where(PlanItem item) => $"事项{item.Id}（第{item.Line}行）";

    private static string Format(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
