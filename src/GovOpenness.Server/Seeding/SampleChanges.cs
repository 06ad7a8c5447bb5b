using GovOpenness.Abstractions.Plans;
using GovOpenness.Domain.Localization;
using GovOpenness.Domain.Plans;
using EffectivePlan = GovOpenness.Abstractions.Plans.EffectivePlan;

namespace GovOpenness.Server.Seeding;

/// <summary>
/// Turns the domain's recorded localization (samples/cascade) into the grain's change list. Several
/// tightenings of one item collapse into its earliest date; ones later than the parent's earliest
/// deadline are left out (the grain would reject them).
/// </summary>
internal static class SampleChanges
{
    public static IReadOnlyList<ItemChange> From(PlanLocalization localization, EffectivePlan parent)
    {
        var earliest = parent.Items.ToDictionary(
            i => i.Item.Id,
            i => i.Item.Deadlines.Select(d => d.DueDate).Where(d => d is not null).Min(),
            StringComparer.Ordinal);
        var changes = new List<ItemChange>();
        foreach (var group in localization.Changes.GroupBy(c => (c.ItemId, Kind: c.GetType())))
        {
            var change = group.Key.Kind == typeof(TightenDeadline)
                ? group.Cast<TightenDeadline>().MinBy(t => t.NewDate)
                : group.Last();
            switch (change)
            {
                case TightenDeadline t when t.ApprovedException || earliest.GetValueOrDefault(t.ItemId) is not { } due || t.NewDate <= due:
                    changes.Add(new ItemChange(t.ItemId, new DeadlineData($"{t.NewDate.Month}月{t.NewDate.Day}日前", DeadlineKind.By, t.NewDate), t.ApprovedException));
                    break;
                case SetUnits s:
                    changes.Add(new ItemChange(s.ItemId, Units: [.. s.Units]));
                    break;
                case Reword r when r.Text is not null:
                    changes.Add(new ItemChange(r.ItemId, Text: r.Text));
                    break;
                case Drop d:
                    changes.Add(new ItemChange(d.ItemId, DropReason: d.Reason));
                    break;
                case AddItem a:
                    changes.Add(new ItemChange(a.ItemId, Added: new PlanItemData(
                        a.ItemId, a.Heading, a.Text, [.. a.Deadlines.Select(DeadlineData.From)], [.. a.Units])));
                    break;
            }
        }

        return changes;
    }
}
