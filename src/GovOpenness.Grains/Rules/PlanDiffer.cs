using GovOpenness.Abstractions.Plans;

namespace GovOpenness.Grains.Rules;

/// <summary>What one body changed against its parent, read from the notes its derivation left.</summary>
/// <remarks>
/// No second diff: the notes are the domain's <c>PlanDiff.Notes</c> (the same comparison as
/// <c>PlanDiff.Compute</c>, with why and whether a policy made it), stamped with the body at derivation
/// and kept down the tree; this only picks the body's own, so a request needs no second materialization.
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
