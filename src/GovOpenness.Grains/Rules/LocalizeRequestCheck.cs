using GovOpenness.Abstractions.Plans;
using GovOpenness.Domain.Calendar;
using GovOpenness.Domain.Localization;
using GovOpenness.Grains.State;

namespace GovOpenness.Grains.Rules;

/// <summary>
/// Checks a localize request before it is stored. The rules are the domain's
/// <see cref="LocalizationValidator"/>, run against the parent's plan as it reaches this body (after the
/// policy); this class only checks the wire shape first and records each change's merge base.
/// </summary>
internal static class LocalizeRequestCheck
{
    /// <summary>Warn when fewer working days than this are left before a deadline.</summary>
    public const int TooFewWorkingDays = 5;

    public static (IReadOnlyList<RecordedChange> Changes, IReadOnlyList<string> Errors, IReadOnlyList<string> Warnings) Check(
        EffectivePlan parent, LocalizeCommand command, WorkingDayCalendar calendar)
    {
        var errors = new List<string>();
        if (PolicyRules.Problem(command.Policy) is { } policyProblem)
        {
            errors.Add(policyProblem);
        }

        var domainChanges = new List<LocalizationChange>(command.Changes.Count);
        for (var index = 0; index < command.Changes.Count; index++)
        {
            var change = command.Changes[index];
            if (string.IsNullOrWhiteSpace(change.ItemId))
            {
                errors.Add($"第{index + 1}项调整缺少事项编号 itemId");
            }
            else if (change.KindCount != 1)
            {
                errors.Add($"第{index + 1}项调整（事项“{change.ItemId}”）须且只能包含 deadline、units、text/heading、dropReason、added 中的一项");
            }
            else if (change.Deadline is { Date: null })
            {
                errors.Add($"第{index + 1}项调整（事项“{change.ItemId}”）：期限须给出日期 date");
            }
            else if (change.Added is { } added && added.Id != change.ItemId)
            {
                errors.Add($"第{index + 1}项调整（事项“{change.ItemId}”）：新增事项的编号须与 itemId 一致");
            }
            else if (change.ToDomain() is { } domain)
            {
                domainChanges.Add(domain);
            }
        }

        if (errors.Count > 0)
        {
            return ([], errors, []);
        }

        var published = parent.ToPublishedPlan();
        var localization = new PlanLocalization(parent.BodyId, parent.Year, published.Version, [.. domainChanges]);
        var timeChecked = command.Today is not null;
        var today = command.Today ?? new DateOnly(parent.Year, 1, 1);
        var result = new LocalizationValidator(calendar, TooFewWorkingDays).Validate(published, localization, today);
        var warnings = result.Warnings
            .Where(w => timeChecked || w.Code is not ("deadline-passed" or "few-working-days-left"))
            .Select(w => w.Message)
            .ToList();

        var recorded = command.Changes.Zip(domainChanges, (change, domain) =>
        {
            var recordedBase = BaseValueMerge.Record(published, domain);
            var from = published.FindItem(change.ItemId) is { } item && change.Deadline is not null ? item.EarliestDueDate : null;
            return new RecordedChange(change, from, recordedBase.Units is { } units ? [.. units] : null, recordedBase.Text, recordedBase.Heading,
                recordedBase.Item is { } baseItem ? PlanItemData.From(baseItem) : null);
        }).ToList();
        return (recorded, [.. result.Errors.Select(e => e.Message)], warnings);
    }
}
