using System.Text.RegularExpressions;
using GovOpenness.Domain.Calendar;
using GovOpenness.Domain.Plans;

namespace GovOpenness.Domain.Localization;

/// <summary>
/// Checks a body's changes against its parent's plan before they are accepted. Errors reject the
/// changes; warnings (a deadline already passed, too few working days left, an approved exception)
/// go through for a person to look at. Never reads the clock: "today" is an argument.
/// </summary>
/// <param name="calendar">Working days for the "too few days left" warning.</param>
/// <param name="minWorkingDaysLeft">Fewer working days than this between today and a deadline is a warning.</param>
public sealed partial class LocalizationValidator(WorkingDayCalendar calendar, int minWorkingDaysLeft = 10)
{
    public static LocalizationValidator Default { get; } = new(WorkingDayCalendar.China);

    public int MinWorkingDaysLeft { get; } = minWorkingDaysLeft;

    /// <summary>Validates with today's date in China taken from <paramref name="time"/>.</summary>
    public ValidationResult Validate(PublishedPlan parent, PlanLocalization localization, TimeProvider time) =>
        Validate(parent, localization, ChinaTime.Today(time));

    public ValidationResult Validate(PublishedPlan parent, PlanLocalization localization, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(parent);
        ArgumentNullException.ThrowIfNull(localization);
        var issues = new List<LocalizationIssue>();
        if (localization.ParentBodyId != parent.BodyId || localization.ParentYear != parent.Year)
        {
            issues.Add(LocalizationIssue.Error("wrong-parent", $"本地化针对的是{localization.ParentBodyId}的{localization.ParentYear}年计划，而上级计划是{parent.BodyId}的{parent.Year}年计划"));
        }
        else if (localization.ParentVersion != parent.Version)
        {
            issues.Add(LocalizationIssue.Error("stale-parent-version", $"本地化基于上级第{localization.ParentVersion}版，上级当前为第{parent.Version}版，请基于最新版本修改"));
        }

        var parentItems = new Dictionary<string, PlanItem>(StringComparer.Ordinal);
        foreach (var item in parent.Items)
        {
            parentItems.TryAdd(item.Id, item);
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var dropped = new HashSet<string>(StringComparer.Ordinal);
        var localIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var change in localization.Changes.IsDefault ? [] : localization.Changes)
        {
            if (string.IsNullOrWhiteSpace(change?.ItemId))
            {
                issues.Add(LocalizationIssue.Error("missing-item-id", $"有一项修改没有事项编号（{change?.GetType().Name ?? "空"}）"));
                continue;
            }

            if (change is AddItem add)
            {
                CheckAdd(add, parentItems, localIds, issues);
                continue;
            }

            if (!parentItems.TryGetValue(change.ItemId, out var parentItem))
            {
                issues.Add(LocalizationIssue.Error("unknown-item", $"事项{change.ItemId}：上级计划中没有此事项", change.ItemId));
                continue;
            }

            // One change of each kind per item (per deadline for tightenings): two would contradict each other.
            var key = change is TightenDeadline t ? $"tighten:{t.DeadlineIndex}:{change.ItemId}" : $"{change.GetType().Name}:{change.ItemId}";
            if (!seen.Add(key))
            {
                issues.Add(LocalizationIssue.Error("duplicate-change", $"事项{change.ItemId}：同一类修改出现了两次（{change.Describe()}）", change.ItemId));
            }

            switch (change)
            {
                case Drop drop:
                    if (string.IsNullOrWhiteSpace(drop.Reason))
                    {
                        issues.Add(LocalizationIssue.Error("drop-without-reason", $"事项{drop.ItemId}：不执行须说明理由", drop.ItemId));
                    }

                    dropped.Add(drop.ItemId);
                    break;
                case Reword reword when string.IsNullOrWhiteSpace(reword.Heading) && string.IsNullOrWhiteSpace(reword.Text):
                    issues.Add(LocalizationIssue.Error("empty-reword", $"事项{reword.ItemId}：修改表述须给出新的标题或正文", reword.ItemId));
                    break;
                case SetUnits units when units.Units.IsDefaultOrEmpty || units.Units.Any(string.IsNullOrWhiteSpace):
                    issues.Add(LocalizationIssue.Error("empty-units", $"事项{units.ItemId}：责任单位不能为空", units.ItemId));
                    break;
                case TightenDeadline tighten:
                    CheckTighten(parentItem, tighten, issues);
                    break;
            }
        }

        foreach (var change in localization.Changes.IsDefault ? [] : localization.Changes)
        {
            if (change is not (null or Drop or AddItem) && change.ItemId is not null && dropped.Contains(change.ItemId))
            {
                issues.Add(LocalizationIssue.Error("change-to-dropped-item", $"事项{change.ItemId}：已标注不执行，不能同时“{change.Describe()}”", change.ItemId));
            }
        }

        CheckTimeLeft(PlanMaterializer.Materialize(parent, localization, "?"), today, issues);
        return new ValidationResult([.. issues]);
    }

    private static void CheckTighten(PlanItem parentItem, TightenDeadline change, List<LocalizationIssue> issues)
    {
        if (!DeadlineRules.NamesDatedDeadline(parentItem.Deadlines, change.DeadlineIndex))
        {
            issues.Add(LocalizationIssue.Error("deadline-index-unknown", $"事项{parentItem.Id}：上级该事项没有第{change.DeadlineIndex + 1}个带日期的期限", parentItem.Id));
            return;
        }

        if (DeadlineRules.ComparedDate(parentItem.Deadlines, change) is DateOnly parentDate && change.NewDate > parentDate)
        {
            issues.Add(change.ApprovedException
                ? LocalizationIssue.Warning("approved-exception", $"事项{parentItem.Id}：期限{change.NewDate:yyyy-MM-dd}晚于上级期限{parentDate:yyyy-MM-dd}，已标注为经批准的例外", parentItem.Id)
                : LocalizationIssue.Error("deadline-later-than-parent", $"事项{parentItem.Id}：期限{change.NewDate:yyyy-MM-dd}晚于上级期限{parentDate:yyyy-MM-dd}，须标注为经批准的例外", parentItem.Id));
        }

    }

    private static void CheckAdd(AddItem add, Dictionary<string, PlanItem> parentItems, HashSet<string> localIds, List<LocalizationIssue> issues)
    {
        if (string.IsNullOrWhiteSpace(add.ItemId) || PositionalId().IsMatch(add.ItemId))
        {
            issues.Add(LocalizationIssue.Error("local-id-positional", $"本级新增事项编号“{add.ItemId}”不能为空或采用上级的数字编号格式（如2.3），请用“L1”之类的编号", add.ItemId));
        }
        else if (parentItems.ContainsKey(add.ItemId) || !localIds.Add(add.ItemId))
        {
            issues.Add(LocalizationIssue.Error("duplicate-id", $"本级新增事项编号{add.ItemId}与已有事项重复", add.ItemId));
        }

        if (add.AfterItemId is not null && !parentItems.ContainsKey(add.AfterItemId) && !localIds.Contains(add.AfterItemId))
        {
            issues.Add(LocalizationIssue.Error("anchor-unknown", $"本级新增事项{add.ItemId}：其前一事项{add.AfterItemId}不存在", add.ItemId));
        }

        if (string.IsNullOrWhiteSpace(add.Heading))
        {
            issues.Add(LocalizationIssue.Error("empty-heading", $"本级新增事项{add.ItemId}：标题不能为空", add.ItemId));
        }

    }

    /// <summary>
    /// Deadlines of the plan as the body would have it that have passed or are too close: the body's own
    /// dates and the ones it takes over (adopting in September a plan with an 8月底 deadline is worth a
    /// look too), each said which it is.
    /// </summary>
    private void CheckTimeLeft(LocalizedPlan plan, DateOnly today, List<LocalizationIssue> issues)
    {
        foreach (var item in plan.Items)
        {
            var seen = new HashSet<DateOnly>();
            foreach (var deadline in item.Item.Deadlines)
            {
                if (deadline.DueDate is not DateOnly due || !seen.Add(due))
                {
                    continue;
                }

                var whose = item.IsAdoptedAsIs ? "（沿用上级期限）" : "";
                var id = item.Item.Id;
                if (due < today)
                {
                    issues.Add(LocalizationIssue.Warning("deadline-passed", $"事项{id}：期限{due:yyyy-MM-dd}已过（今天是{today:yyyy-MM-dd}）{whose}", id));
                    continue;
                }

                // Counting day by day is only needed near the threshold: two calendar weeks per five
                // working days, plus the longest holiday, always hold enough of them.
                if (due > today.AddDays((MinWorkingDaysLeft * 2) + 14))
                {
                    continue;
                }

                var left = calendar.WorkingDaysBetween(today, due);
                if (left < MinWorkingDaysLeft)
                {
                    issues.Add(LocalizationIssue.Warning("few-working-days-left", $"事项{id}：距期限{due:yyyy-MM-dd}仅剩{left}个工作日（少于{MinWorkingDaysLeft}个）{whose}", id));
                }
            }
        }
    }

    [GeneratedRegex(@"^\d+(\.\d+)*$")]
    private static partial Regex PositionalId();
}
