using System.Text.Json.Serialization;
using GovOpenness.Domain.Localization;
using GovOpenness.Domain.Plans;

namespace GovOpenness.Domain.Progress;

/// <summary>What one item asks of a body: its effective deadline and its weight in the roll-up.</summary>
/// <param name="ItemId">The item in the body's effective plan.</param>
/// <param name="Deadline">The effective deadline (never later than any ancestor's); null when the item
/// sets no date (持续推进).</param>
/// <param name="Weight">The item's weight in weighted shares: 1 by default, at most <see cref="MaxWeight"/>.
/// Integer so that sums are exact and deltas compose.</param>
public sealed record ItemTarget(
    string ItemId,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] DateOnly? Deadline, // written as null: the constructor requires it when read back
    int Weight = 1)
{
    public const int MaxWeight = 1000;

    /// <summary>The targets of a body's effective plan, with optional weights by item id (others the item's own).</summary>
    public static IReadOnlyList<ItemTarget> FromPlan(LocalizedPlan plan, IReadOnlyDictionary<string, int>? weights = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return FromItems([.. plan.Items.Select(i => i.Item)], weights);
    }

    /// <summary>
    /// The targets of a plan's items in plan order: each item's earliest due date (a localized item's
    /// effective deadline) and its weight. Headings (一、 chapters and sub-sections such as （一） above
    /// 1. 2. 3.: any entry with items under it, <see cref="Desk.PlanStructure"/>) are the plan's structure,
    /// not work: never counted, acknowledged or overdue, so they are no targets. The one rule for targets: the progress grain takes
    /// them from here.
    /// </summary>
    public static IReadOnlyList<ItemTarget> FromItems(IReadOnlyList<PlanItem> items, IReadOnlyDictionary<string, int>? weights = null)
    {
        ArgumentNullException.ThrowIfNull(items);
        var headings = Desk.PlanStructure.Headings([.. items.Select(i => i.Depth)]);
        var targets = new List<ItemTarget>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            if (headings[i])
            {
                continue;
            }

            var item = items[i];
            // An item's own weight was checked when its plan was published; a weight given here is checked now.
            var weight = item.Weight;
            if (weights is not null && weights.TryGetValue(item.Id, out var given))
            {
                weight = given is >= 1 and <= MaxWeight
                    ? given
                    : throw new ArgumentOutOfRangeException(nameof(weights), $"事项“{item.Id}”的权重 {given} 无效：须在1到{MaxWeight}之间");
            }

            targets.Add(new ItemTarget(item.Id, item.EarliestDueDate, weight));
        }

        return targets;
    }
}
