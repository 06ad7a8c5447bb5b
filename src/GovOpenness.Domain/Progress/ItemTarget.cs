using System.Text.Json.Serialization;
using GovOpenness.Domain.Localization;

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

    /// <summary>The targets of a body's effective plan, with optional weights by item id (others 1).
    /// Sections that only group items (depth 1 with children) are kept: the plan decides what counts.</summary>
    public static IReadOnlyList<ItemTarget> FromPlan(LocalizedPlan plan, IReadOnlyDictionary<string, int>? weights = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var targets = new ItemTarget[plan.Items.Length];
        for (var i = 0; i < targets.Length; i++)
        {
            var item = plan.Items[i];
            var weight = weights is not null && weights.TryGetValue(item.Item.Id, out var w) ? w : item.Item.Weight;
            if (weight is < 1 or > MaxWeight)
            {
                throw new ArgumentOutOfRangeException(nameof(weights), $"事项“{item.Item.Id}”的权重 {weight} 无效：须在1到{MaxWeight}之间");
            }

            targets[i] = new ItemTarget(item.Item.Id, item.EffectiveDeadline, weight);
        }

        return targets;
    }
}
