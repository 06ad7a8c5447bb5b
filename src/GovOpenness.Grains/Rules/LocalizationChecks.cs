using GovOpenness.Abstractions.Plans;
using GovOpenness.Domain.Calendar;
using GovOpenness.Grains.State;

namespace GovOpenness.Grains.Rules;

/// <summary>
/// Checks a localization against the parent's plan before it is stored: errors reject it, warnings are
/// returned for a person to look at. Also records the merge base of each change.
/// </summary>
/// <remarks>Interim seam for GovOpenness.Domain.Localization.LocalizationValidator.</remarks>
internal static class LocalizationChecks
{
    /// <summary>Warn when fewer working days than this are left before a deadline.</summary>
    public const int TooFewWorkingDays = 5;

    public static (IReadOnlyList<RecordedChange> Changes, IReadOnlyList<string> Errors, IReadOnlyList<string> Warnings) Check(
        EffectivePlan parent, LocalizeCommand command, WorkingDayCalendar calendar)
    {
        var errors = new List<string>();
        var warnings = new List<string>();
        var recorded = new List<RecordedChange>();
        var items = parent.Items.ToDictionary(i => i.Item.Id, i => i.Item, StringComparer.Ordinal);
        var seen = new HashSet<(string, string)>();

        if (command.Policy?.DeadlineWorkingDaysBefore is < 0 or > 60)
        {
            errors.Add("策略中的“提前工作日数”须在0到60之间");
        }

        for (var index = 0; index < command.Changes.Count; index++)
        {
            var change = command.Changes[index];
            var where = $"第{index + 1}项调整（事项“{change.ItemId}”）";
            var kinds = new object?[] { change.Deadline, change.Units, change.Text, change.DropReason, change.Added }.Count(k => k is not null);
            if (string.IsNullOrWhiteSpace(change.ItemId))
            {
                errors.Add($"第{index + 1}项调整缺少事项编号 itemId");
                continue;
            }

            if (kinds != 1)
            {
                errors.Add($"{where}须且只能包含 deadline、units、text、dropReason、added 中的一项");
                continue;
            }

            var field = change.Deadline is not null ? "deadline" : change.Units is not null ? "units" : change.Text is not null ? "text" : change.DropReason is not null ? "drop" : "added";
            if (!seen.Add((change.ItemId, field)))
            {
                errors.Add($"{where}重复：同一事项的同一内容只能调整一次");
                continue;
            }

            if (change.Added is { } added)
            {
                if (items.ContainsKey(added.Id) || added.Id != change.ItemId)
                {
                    errors.Add($"{where}：新增事项的编号须与 itemId 一致且不能与上级事项重复");
                }

                recorded.Add(new(change, null, null, null));
                continue;
            }

            if (!items.TryGetValue(change.ItemId, out var item))
            {
                errors.Add($"{where}：上级{parent.Year}年计划中没有该事项");
                continue;
            }

            if (change.Deadline is { } deadline)
            {
                CheckDeadline(item, deadline, change.ApprovedException, command.Today, calendar, where, errors, warnings);
            }

            if (change.DropReason is { Length: 0 } || change.DropReason is { } r && string.IsNullOrWhiteSpace(r))
            {
                errors.Add($"{where}：删除事项须说明理由");
            }

            recorded.Add(new(change, DeadlineText.EarliestDue(item), change.Units is null ? null : item.Units, change.Text is null ? null : item.Text));
        }

        return (recorded, errors, warnings);
    }

    private static void CheckDeadline(
        PlanItemData item, DeadlineData deadline, bool approved, DateOnly? today, WorkingDayCalendar calendar,
        string where, List<string> errors, List<string> warnings)
    {
        var ours = deadline.DueDate;
        var theirs = DeadlineText.EarliestDue(item);
        if (ours is null)
        {
            errors.Add($"{where}：期限须给出日期 date");
            return;
        }

        if (theirs is not null && ours > theirs && !approved)
        {
            errors.Add($"{where}：期限{DeadlineText.Iso(ours.Value)}晚于上级期限{DeadlineText.Iso(theirs.Value)}；如经批准延后，请注明 approvedException");
        }

        if (today is { } now)
        {
            if (ours < now)
            {
                warnings.Add($"{where}：期限{DeadlineText.Iso(ours.Value)}已过");
            }
            else if (ours.Value.Year <= calendar.CoveredYears.Last && calendar.WorkingDaysBetween(now, ours.Value) < TooFewWorkingDays)
            {
                warnings.Add($"{where}：距期限{DeadlineText.Iso(ours.Value)}仅剩{calendar.WorkingDaysBetween(now, ours.Value)}个工作日");
            }
        }
    }
}
