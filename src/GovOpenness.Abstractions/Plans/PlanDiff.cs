namespace GovOpenness.Abstractions.Plans;

/// <summary>A body's plan against its parent's: only what this body changed.</summary>
/// <remarks>
/// No second diff algorithm: the entries are the notes the domain's <c>PlanComparison.Notes</c> left on
/// the plan's items when the body's plan was derived (stamped with the body, kept down the tree);
/// <see cref="Of"/> only picks the body's own, so a request needs no second materialization.
/// </remarks>
[GenerateSerializer, Immutable, Alias("gov.PlanDiff")]
public sealed record PlanDiff(
    [property: Id(0)] string BodyId,
    [property: Id(1)] string? ParentId,
    [property: Id(2)] int Year,
    [property: Id(3)] string Stamp,
    [property: Id(4)] IReadOnlyList<DiffEntry> Entries,
    [property: Id(5)] IReadOnlyList<PlanConflict> Conflicts)
{
    /// <summary>What the plan's body changed against <paramref name="parentId"/>'s plan, with the plan's conflicts.</summary>
    public static PlanDiff Of(EffectivePlan plan, string? parentId)
    {
        var entries = new List<DiffEntry>();
        foreach (var item in plan.Items.Concat(plan.Dropped))
        {
            entries.AddRange(item.Changes
                .Where(n => n.BodyId == plan.BodyId)
                .Select(n => new DiffEntry(item.Item.Id, item.Item.Heading, n.Field, n.From, n.To, n.Reason, n.ByPolicy)));
        }

        return new PlanDiff(plan.BodyId, parentId, plan.Year, plan.Stamp, entries, plan.Conflicts);
    }
}

/// <summary>One difference; a deadline move reads {"field":"deadline","from":"2022-11-30","to":"2022-07-31"}.</summary>
[GenerateSerializer, Immutable, Alias("gov.DiffEntry")]
public sealed record DiffEntry(
    [property: Id(0)] string ItemId,
    [property: Id(1)] string Heading,
    [property: Id(2)] string Field,
    [property: Id(3)] string? From,
    [property: Id(4)] string? To,
    [property: Id(5)] string? Reason,
    [property: Id(6)] bool ByPolicy);
