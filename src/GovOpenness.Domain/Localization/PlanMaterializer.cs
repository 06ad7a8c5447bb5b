using System.Collections.Immutable;
using GovOpenness.Domain.Plans;

namespace GovOpenness.Domain.Localization;

/// <summary>
/// Computes a body's effective plan from its parent's plan and its localization. Pure and total: it runs
/// on stored data after parent revisions too, so a change that no longer applies is reported in
/// <see cref="LocalizedPlan.Issues"/> instead of throwing. Reject bad changes up front with
/// <see cref="LocalizationValidator"/>.
/// </summary>
public static class PlanMaterializer
{
    public static LocalizedPlan Materialize(PublishedPlan parent, PlanLocalization localization, string bodyId)
    {
        ArgumentNullException.ThrowIfNull(parent);
        ArgumentNullException.ThrowIfNull(localization);
        var changes = localization.Changes.IsDefault ? [] : localization.Changes;
        if (changes.IsEmpty)
        {
            return AdoptedAsIs(parent, localization, bodyId);
        }

        var issues = new List<LocalizationIssue>();
        var parentIds = parent.Items.Select(i => i.Id).ToHashSet(StringComparer.Ordinal);

        var byItem = new Dictionary<string, List<LocalizationChange>>(StringComparer.Ordinal);
        var drops = new Dictionary<string, Drop>(StringComparer.Ordinal);
        var adds = new List<AddItem>();
        foreach (var change in changes)
        {
            if (change is AddItem add)
            {
                adds.Add(add);
            }
            else if (!parentIds.Contains(change.ItemId))
            {
                issues.Add(LocalizationIssue.Warning("unknown-item", $"事项{change.ItemId}：上级计划中没有此事项，“{change.Describe()}”未生效", change.ItemId));
            }
            else if (change is Drop drop)
            {
                drops.TryAdd(drop.ItemId, drop);
            }
            else
            {
                (byItem.TryGetValue(change.ItemId, out var list) ? list : byItem[change.ItemId] = []).Add(change);
            }
        }

        // Slots keep each parent item's position (dropped ones too) so that local items can follow them.
        var slots = new List<(string Id, LocalizedItem? Item)>(parent.Items.Length + adds.Count);
        var dropped = ImmutableArray.CreateBuilder<DroppedItem>();
        foreach (var parentItem in parent.Items)
        {
            var drop = FindDrop(parentItem.Id, drops);
            if (drop is not null)
            {
                dropped.Add(new DroppedItem(parentItem.Id, parentItem.Heading, drop.Reason));
                slots.Add((parentItem.Id, null));
                continue;
            }

            var itemChanges = byItem.TryGetValue(parentItem.Id, out var found) ? found : [];
            slots.Add((parentItem.Id, ItemLocalizer.Apply(parentItem, itemChanges, parent.Year, issues)));
        }

        foreach (var add in adds)
        {
            InsertLocal(slots, add, parentIds, issues);
        }

        return Result(parent, localization, bodyId, [.. slots.Where(s => s.Item is not null).Select(s => s.Item!)], dropped.ToImmutable(), [.. issues]);
    }

    /// <summary>The common case down the tree, kept cheap: the parent's items shared, nothing copied.</summary>
    private static LocalizedPlan AdoptedAsIs(PublishedPlan parent, PlanLocalization localization, string bodyId)
    {
        var items = ImmutableArray.CreateBuilder<LocalizedItem>(parent.Items.Length);
        foreach (var item in parent.Items)
        {
            items.Add(new LocalizedItem(item, item.Id, [], DeadlineRules.EarliestDue(item.Deadlines)));
        }

        return Result(parent, localization, bodyId, items.MoveToImmutable(), [], []);
    }

    private static LocalizedPlan Result(PublishedPlan parent, PlanLocalization localization, string bodyId,
        ImmutableArray<LocalizedItem> items, ImmutableArray<DroppedItem> dropped, ImmutableArray<LocalizationIssue> issues) =>
        new(
            bodyId,
            parent.Year,
            parent.BodyId,
            parent.Version,
            localization.Title ?? parent.Title,
            localization.DocNumber ?? (localization.Title is null ? parent.DocNumber : null),
            localization.IssueDate ?? (localization.Title is null ? parent.IssueDate : null),
            items,
            dropped,
            issues);

    /// <summary>The drop covering an item: its own, or that of a section or item it is numbered under.</summary>
    private static Drop? FindDrop(string itemId, Dictionary<string, Drop> drops)
    {
        if (drops.Count == 0)
        {
            return null;
        }

        for (var id = itemId; ; id = id[..id.LastIndexOf('.')])
        {
            if (drops.TryGetValue(id, out var drop))
            {
                return drop;
            }

            if (!id.Contains('.', StringComparison.Ordinal))
            {
                return null;
            }
        }
    }

    private static void InsertLocal(List<(string Id, LocalizedItem? Item)> slots, AddItem add, HashSet<string> parentIds, List<LocalizationIssue> issues)
    {
        if (parentIds.Contains(add.ItemId) || slots.Any(s => s.Id == add.ItemId))
        {
            issues.Add(LocalizationIssue.Warning("duplicate-id", $"本级新增事项编号{add.ItemId}与已有事项重复，未生效", add.ItemId));
            return;
        }

        var position = slots.Count;
        if (add.AfterItemId is not null)
        {
            var anchor = slots.FindIndex(s => s.Id == add.AfterItemId);
            if (anchor < 0)
            {
                issues.Add(LocalizationIssue.Warning("anchor-unknown", $"本级新增事项{add.ItemId}：其前一事项{add.AfterItemId}不存在，已放在末尾", add.ItemId));
            }
            else
            {
                // After the anchor and everything numbered under it, and after local items already placed there.
                position = anchor + 1;
                var prefix = add.AfterItemId + ".";
                while (position < slots.Count && (slots[position].Id.StartsWith(prefix, StringComparison.Ordinal) || slots[position].Item is { ParentItemId: null }))
                {
                    position++;
                }
            }
        }

        var path = position > 0 && slots[position - 1].Item is { } before ? before.Item.Path : ["本级"];
        var item = new PlanItem(
            add.ItemId,
            path,
            add.Heading,
            add.Text,
            add.Deadlines.IsDefault ? [] : add.Deadlines,
            add.Units.IsDefault ? [] : add.Units,
            0);
        slots.Insert(position, (add.ItemId, new LocalizedItem(item, null, [add], null)));
    }
}
