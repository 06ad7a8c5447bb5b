using System.Collections.Immutable;
using GovOpenness.Domain.Plans;

namespace GovOpenness.Domain.Localization;

/// <summary>
/// What a body's effective plan changes against its parent's plan, item by item: what a supervisor
/// reads to see 层层加码 (deadlines moved earlier, by how much) and 打折扣 (items dropped, and why).
/// Compares plans rather than replaying changes, so it shows what actually took effect.
/// </summary>
public static class PlanComparison
{
    public static ImmutableArray<ItemDiff> Compute(PublishedPlan parent, LocalizedPlan child)
    {
        ArgumentNullException.ThrowIfNull(parent);
        ArgumentNullException.ThrowIfNull(child);
        var inherited = new Dictionary<string, LocalizedItem>(StringComparer.Ordinal);
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

    /// <summary>
    /// The same comparison as <see cref="Compute"/>, as notes per changed parent item: one per moved
    /// deadline, units, heading and text, with why (an approved exception) and who (the body's policy or
    /// the body itself; <paramref name="byPolicy"/> says which of the applied changes the policy made).
    /// The grains stamp them with the body and keep every level's on the item, so a plan read at a
    /// township still says who changed what; the diff API shows a body's own. One diff, two views.
    /// </summary>
    public static ImmutableDictionary<string, ImmutableArray<DiffNote>> Notes(PublishedPlan parent, LocalizedPlan child, Func<LocalizationChange, bool>? byPolicy = null)
    {
        ArgumentNullException.ThrowIfNull(parent);
        ArgumentNullException.ThrowIfNull(child);
        var inherited = new Dictionary<string, LocalizedItem>(StringComparer.Ordinal);
        foreach (var item in child.Items)
        {
            if (item.ParentItemId is not null)
            {
                inherited.TryAdd(item.ParentItemId, item);
            }
        }

        var notes = ImmutableDictionary.CreateBuilder<string, ImmutableArray<DiffNote>>(StringComparer.Ordinal);
        foreach (var diff in Compute(parent, child))
        {
            if (diff.Kind != ItemDiffKind.Changed || !inherited.TryGetValue(diff.ItemId, out var item))
            {
                continue;
            }

            notes[diff.ItemId] = [.. NotesOf(diff, item.Changes, byPolicy ?? (_ => false))];
        }

        return notes.ToImmutable();
    }

    private static IEnumerable<DiffNote> NotesOf(ItemDiff diff, ImmutableArray<LocalizationChange> applied, Func<LocalizationChange, bool> byPolicy)
    {
        var seen = new HashSet<(DateOnly?, DateOnly?)>();
        foreach (var moved in diff.Deadlines)
        {
            if (!seen.Add((moved.From, moved.To)))
            {
                continue; // one tightening of several equal deadlines ("11月底前" twice) is one note
            }

            var change = applied.OfType<TightenDeadline>().FirstOrDefault(t => t.DeadlineIndex == moved.Index)
                ?? applied.OfType<TightenDeadline>().FirstOrDefault(t => t.DeadlineIndex is null);
            yield return new DiffNote("deadline", Iso(moved.From), Iso(moved.To),
                change?.ApprovedException == true ? "经批准的例外" : null, change is not null && byPolicy(change));
        }

        if (diff.Units is { } units)
        {
            var change = applied.OfType<SetUnits>().FirstOrDefault();
            yield return new DiffNote("units", string.Join("、", units.From), string.Join("、", units.To), ByPolicy: change is not null && byPolicy(change));
        }

        if (diff.HeadingChange is { } heading)
        {
            yield return new DiffNote("heading", heading.From, heading.To);
        }

        if (diff.TextChange is { } text)
        {
            yield return new DiffNote("text", text.From, text.To);
        }
    }

    private static string? Iso(DateOnly? date) => date?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

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
