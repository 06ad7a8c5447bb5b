using System.Collections.Immutable;
using GovOpenness.Domain.Plans;

namespace GovOpenness.Domain.Localization;

/// <summary>
/// What a body's effective plan changes against its parent's plan, item by item: what a supervisor
/// reads to see 层层加码 (deadlines moved earlier, by how much) and 打折扣 (items dropped, and why).
/// Compares plans rather than replaying changes, so it shows what actually took effect.
/// </summary>
public static class PlanDiff
{
    public static ImmutableArray<ItemDiff> Compute(PublishedPlan parent, EffectivePlan child)
    {
        ArgumentNullException.ThrowIfNull(parent);
        ArgumentNullException.ThrowIfNull(child);
        var inherited = new Dictionary<string, EffectiveItem>(StringComparer.Ordinal);
        foreach (var item in child.Items)
        {
            if (item.ParentItemId is not null)
            {
                inherited.TryAdd(item.ParentItemId, item);
            }
        }

        var reasons = child.Dropped.ToDictionary(d => d.ItemId, d => d.Reason, StringComparer.Ordinal);
        var diffs = ImmutableArray.CreateBuilder<ItemDiff>();
        foreach (var parentItem in parent.Items)
        {
            if (inherited.TryGetValue(parentItem.Id, out var mine))
            {
                var diff = Compare(parentItem, mine.Item);
                if (diff is not null)
                {
                    diffs.Add(diff);
                }
            }
            else
            {
                diffs.Add(new ItemDiff(parentItem.Id, ItemDiffKind.Dropped, parentItem.Heading,
                    DropReason: reasons.GetValueOrDefault(parentItem.Id) ?? "（未说明）"));
            }
        }

        foreach (var local in child.Items.Where(i => i.ParentItemId is null))
        {
            var units = local.Item.Units.ToImmutableArray();
            diffs.Add(new ItemDiff(local.Item.Id, ItemDiffKind.Added, local.Item.Heading,
                Deadline: local.EffectiveDeadline is null ? null : new ValueChange<DateOnly?>(null, local.EffectiveDeadline),
                Units: units.IsEmpty ? null : new ValueChange<ImmutableArray<string>>([], units),
                TextChange: new ValueChange<string>("", local.Item.Text)));
        }

        return diffs.ToImmutable();
    }

    /// <summary>The differences of one inherited item, or null when it is the parent's unchanged.</summary>
    private static ItemDiff? Compare(PlanItem parent, PlanItem mine)
    {
        var moved = ImmutableArray.CreateBuilder<DeadlineChange>();
        for (var i = 0; i < Math.Max(parent.Deadlines.Count, mine.Deadlines.Count); i++)
        {
            var from = i < parent.Deadlines.Count ? parent.Deadlines[i] : null;
            var to = i < mine.Deadlines.Count ? mine.Deadlines[i] : null;
            if (from?.Date != to?.Date)
            {
                moved.Add(new DeadlineChange(i, (to ?? from)!.Kind, from?.Date, to?.Date));
            }
        }

        var deadline = parent.EarliestDueDate != mine.EarliestDueDate
            ? new ValueChange<DateOnly?>(parent.EarliestDueDate, mine.EarliestDueDate)
            : null;
        var units = parent.Units.SequenceEqual(mine.Units, StringComparer.Ordinal)
            ? null
            : new ValueChange<ImmutableArray<string>>([.. parent.Units], [.. mine.Units]);
        var heading = parent.Heading == mine.Heading ? null : new ValueChange<string>(parent.Heading, mine.Heading);
        var text = parent.Text == mine.Text ? null : new ValueChange<string>(parent.Text, mine.Text);
        if (moved.Count == 0 && units is null && heading is null && text is null)
        {
            return null;
        }

        return new ItemDiff(parent.Id, ItemDiffKind.Changed, mine.Heading, deadline,
            moved.Count == 0 ? [] : moved.ToImmutable(), units, heading, text);
    }
}
