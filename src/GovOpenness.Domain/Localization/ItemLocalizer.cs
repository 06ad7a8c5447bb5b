using System.Collections.Immutable;
using GovOpenness.Domain.Plans;

namespace GovOpenness.Domain.Localization;

/// <summary>Applies a body's changes to one inherited item. Never throws: what cannot be applied is
/// reported, and the parent's version of that part stands.</summary>
internal static class ItemLocalizer
{
    public static LocalizedItem Apply(PlanItem parentItem, IReadOnlyList<LocalizationChange> changes, int year, List<LocalizationIssue> issues)
    {
        if (changes.Count == 0)
        {
            // Adopted as is (the common case down the tree): share the parent's item, allocate nothing else.
            return new LocalizedItem(parentItem, parentItem.Id, [], DeadlineRules.EarliestDue(parentItem.Deadlines));
        }

        var item = parentItem;
        var deadlines = parentItem.Deadlines.ToList();
        var exceptions = new HashSet<int>();
        foreach (var change in changes)
        {
            switch (change)
            {
                case SetUnits units:
                    item = item with { Units = units.Units.IsDefault ? [] : units.Units };
                    break;
                case Reword reword:
                    item = item with { Heading = reword.Heading ?? item.Heading, Text = reword.Text ?? item.Text };
                    break;
                case TightenDeadline tighten:
                    Tighten(parentItem, deadlines, exceptions, tighten, year, issues);
                    break;
            }
        }

        // The rule that holds whatever the changes say: without an approved exception a body's deadline
        // is never later than its parent's (so after a parent revision it is min(child's, parent's)).
        for (var i = 0; i < parentItem.Deadlines.Count && i < deadlines.Count; i++)
        {
            var parentDate = parentItem.Deadlines[i].Date;
            if (!exceptions.Contains(i) && DeadlineRules.IsDated(parentItem.Deadlines[i]) && deadlines[i].Date > parentDate)
            {
                deadlines[i] = parentItem.Deadlines[i];
            }
        }

        item = item with { Deadlines = deadlines.ToImmutableArray() };
        return new LocalizedItem(item, parentItem.Id, [.. changes], DeadlineRules.EarliestDue(parentItem.Deadlines));
    }

    private static void Tighten(PlanItem parentItem, List<Deadline> deadlines, HashSet<int> exceptions, TightenDeadline change, int year, List<LocalizationIssue> issues)
    {
        if (!DeadlineRules.NamesDatedDeadline(parentItem.Deadlines, change.DeadlineIndex))
        {
            issues.Add(LocalizationIssue.Warning(
                "deadline-index-unknown",
                $"事项{parentItem.Id}：上级该事项没有第{change.DeadlineIndex + 1}个带日期的期限，期限调整未生效",
                parentItem.Id));
            return;
        }

        var parentDate = DeadlineRules.ComparedDate(parentItem.Deadlines, change);
        if (!change.ApprovedException && parentDate is DateOnly compared && change.NewDate > compared)
        {
            issues.Add(LocalizationIssue.Warning(
                "deadline-later-than-parent",
                $"事项{parentItem.Id}：期限{change.NewDate:yyyy-MM-dd}晚于上级期限{compared:yyyy-MM-dd}，且未标注为经批准的例外，按上级期限执行",
                parentItem.Id));
        }

        var (first, last) = change.DeadlineIndex is int index ? (index, index) : (0, deadlines.Count - 1);
        var any = false;
        for (var i = first; i <= last; i++)
        {
            if (!DeadlineRules.IsDated(deadlines[i]))
            {
                continue;
            }

            any = true;
            if (change.ApprovedException)
            {
                deadlines[i] = DeadlineRules.MovedTo(deadlines[i], change.NewDate, year);
                exceptions.Add(i);
            }
            else if (deadlines[i].Date > change.NewDate)
            {
                deadlines[i] = DeadlineRules.MovedTo(deadlines[i], change.NewDate, year);
            }
        }

        if (!any)
        {
            // An item without any date gets one: the body sets a deadline the parent left open.
            deadlines.Add(new Deadline(DeadlineText.For(change.NewDate, DeadlineKind.By, year), DeadlineKind.By, change.NewDate));
        }
    }
}
