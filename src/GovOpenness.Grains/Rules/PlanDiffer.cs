using GovOpenness.Abstractions.Plans;

namespace GovOpenness.Grains.Rules;

/// <summary>What one body changed against its parent, read from the notes its derivation left.</summary>
/// <remarks>
/// Not <c>PlanDiff.Compute</c> (which compares two materialized plans): the notes also say which body
/// made each change, why, and whether a policy made it, which is what the diff API and the viewer show,
/// and they need no second materialization of the parent's plan per request.
/// </remarks>
internal static class PlanDiffer
{
    public static IReadOnlyList<DiffEntry> OwnChanges(EffectivePlan plan, string bodyId)
    {
        var entries = new List<DiffEntry>();
        foreach (var item in plan.Items.Concat(plan.Dropped))
        {
            entries.AddRange(item.Changes
                .Where(n => n.BodyId == bodyId)
                .Select(n => new DiffEntry(item.Item.Id, item.Item.Heading, n.Field, n.From, n.To, n.Reason, n.ByPolicy)));
        }

        return entries;
    }
}
