using GovOpenness.Abstractions.Plans;
using GovOpenness.Domain.Progress;

namespace GovOpenness.Grains.Rules;

/// <summary>
/// The progress targets of a body's effective plan in the wire form the body grain hands out: the
/// domain's one rule (<see cref="ItemTarget.FromItems"/>: each item's earliest due date and weight,
/// chapters excluded), applied to the items as domain items.
/// </summary>
internal static class PlanTargets
{
    public static IReadOnlyList<ItemTarget> Of(EffectivePlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return ItemTarget.FromItems([.. plan.Items.Select(i => i.Item.ToDomain())]);
    }
}
