using GovOpenness.Abstractions.Plans;
using GovOpenness.Domain.Calendar;
using GovOpenness.Grains.State;

namespace GovOpenness.Grains.Rules;

/// <summary>
/// Materializes a body's plan: from its own document, or from its parent's plan, its policy and its
/// changes, merging each change three ways (the value it replaced, the body's value, the parent's
/// current value). Pure and deterministic, so a body may derive its plan whenever it needs it instead
/// of storing it.
/// </summary>
/// <remarks>
/// Interim: GovOpenness.Domain.Localization (PlanMaterializer, ThreeWayMerge, LocalizationPolicy) is
/// being written in parallel; this class is the seam it replaces.
/// </remarks>
internal static class PlanDerivation
{
    public static EffectivePlan FromOwn(string bodyId, PublishPlanCommand own, int version) =>
        new(bodyId, own.Year, $"{bodyId}@{version}", bodyId, own.Title, own.DocNumber,
            [.. own.Items.Select(i => new EffectiveItem(i, bodyId, []))], [], []);

    public static EffectivePlan Derive(
        string bodyId,
        EffectivePlan parent,
        LocalizationPolicyData? policy,
        IReadOnlyList<RecordedChange> changes,
        int localRevision,
        WorkingDayCalendar calendar)
    {
        var byItem = changes.Where(c => c.Change.Added is null).ToLookup(c => c.Change.ItemId, StringComparer.Ordinal);
        var parentIds = parent.Items.Select(i => i.Item.Id).ToHashSet(StringComparer.Ordinal);
        var items = new List<EffectiveItem>(parent.Items.Count);
        var dropped = new List<EffectiveItem>(parent.Dropped);
        var conflicts = new List<PlanConflict>();

        foreach (var parentItem in parent.Items)
        {
            var item = parentItem.Item;
            var notes = new List<ItemChangeNote>(parentItem.Changes);
            item = ApplyPolicy(bodyId, item, policy, calendar, notes);
            var drop = false;
            foreach (var change in byItem[item.Id])
            {
                item = ApplyChange(bodyId, parentItem.Item, item, change, notes, conflicts, ref drop);
            }

            if (drop)
            {
                dropped.Add(parentItem with { Item = item, Changes = notes });
                continue;
            }

            items.Add(parentItem with { Item = item, Changes = notes });
        }

        foreach (var added in changes.Select(c => c.Change.Added).OfType<PlanItemData>())
        {
            if (parentIds.Contains(added.Id))
            {
                conflicts.Add(new(added.Id, "added", $"本级新增事项编号“{added.Id}”与上级事项重复"));
            }

            items.Add(new EffectiveItem(added, bodyId, [new(bodyId, "added", null, added.Heading)]));
        }

        foreach (var orphan in byItem.Where(g => !parentIds.Contains(g.Key)))
        {
            conflicts.Add(new(orphan.Key, "item", $"上级计划已不含事项“{orphan.Key}”，本级对它的调整未生效"));
        }

        return new EffectivePlan(bodyId, parent.Year, $"{parent.Stamp}>{localRevision}", parent.OriginBodyId,
            parent.Title, parent.DocNumber, items, dropped, conflicts);
    }

    private static PlanItemData ApplyPolicy(
        string bodyId, PlanItemData item, LocalizationPolicyData? policy, WorkingDayCalendar calendar, List<ItemChangeNote> notes)
    {
        if (policy is null)
        {
            return item;
        }

        if (policy.DeadlineWorkingDaysBefore is > 0 and var days && DeadlineText.EarliestDue(item) is { } due
            && due.Year >= calendar.CoveredYears.First && due.Year <= calendar.CoveredYears.Last)
        {
            var moved = calendar.SubtractWorkingDays(due, days);
            notes.Add(new(bodyId, "deadline", DeadlineText.Iso(due), DeadlineText.Iso(moved), ByPolicy: true));
            item = DeadlineText.WithDeadline(item, DeadlineText.By(moved));
        }

        if (policy.UnitMapping is { Count: > 0 } mapping && item.Units.Any(mapping.ContainsKey))
        {
            var units = item.Units.Select(u => mapping.GetValueOrDefault(u, u)).ToList();
            notes.Add(new(bodyId, "units", DeadlineText.JoinUnits(item.Units), DeadlineText.JoinUnits(units), ByPolicy: true));
            item = item with { Units = units };
        }

        return item;
    }

    private static PlanItemData ApplyChange(
        string bodyId,
        PlanItemData theirs,
        PlanItemData item,
        RecordedChange recorded,
        List<ItemChangeNote> notes,
        List<PlanConflict> conflicts,
        ref bool drop)
    {
        var change = recorded.Change;
        if (change.Deadline is { } deadline)
        {
            var parentDue = DeadlineText.EarliestDue(theirs);
            var ours = deadline.DueDate;
            var current = DeadlineText.EarliestDue(item);
            if (ours is not null && parentDue is not null && ours > parentDue && !change.ApprovedException)
            {
                // The parent tightened its deadline past ours: the parent's wins, and the body is told.
                conflicts.Add(new(item.Id, "deadline",
                    $"上级已将事项“{item.Heading}”的期限调整为{DeadlineText.Iso(parentDue.Value)}，早于本级原定的{DeadlineText.Iso(ours.Value)}，已按上级期限执行"));
                return item;
            }

            notes.Add(new(bodyId, "deadline", current is null ? null : DeadlineText.Iso(current.Value),
                ours is null ? deadline.Text : DeadlineText.Iso(ours.Value), change.ApprovedException ? "经批准的例外" : null));
            return DeadlineText.WithDeadline(item, deadline);
        }

        if (change.Units is { } units)
        {
            if (recorded.FromUnits is { } baseUnits && !baseUnits.SequenceEqual(theirs.Units))
            {
                conflicts.Add(new(item.Id, "units", $"上级已修改事项“{item.Heading}”的责任单位，本级的责任单位需重新确认"));
            }

            notes.Add(new(bodyId, "units", DeadlineText.JoinUnits(item.Units), DeadlineText.JoinUnits(units)));
            return item with { Units = units };
        }

        if (change.Text is { } text)
        {
            if (recorded.FromText is { } baseText && baseText != theirs.Text)
            {
                conflicts.Add(new(item.Id, "text", $"上级已修改事项“{item.Heading}”的内容，本级的表述需重新确认"));
            }

            notes.Add(new(bodyId, "text", item.Text, text));
            return item with { Text = text };
        }

        if (change.DropReason is { } reason)
        {
            notes.Add(new(bodyId, "dropped", item.Heading, null, reason));
            drop = true;
        }

        return item;
    }
}
