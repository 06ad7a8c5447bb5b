using System.Collections.Immutable;
using GovOpenness.Domain.Localization;

namespace GovOpenness.Domain.Progress;

/// <summary>
/// A body's progress on its plan for one year: what the plan asks (targets), how far each item got,
/// and the plan's milestones. This is the hot state a host persists on every update, separate from
/// the cold plan. Items without any update are not stored (they are <see cref="ItemStatus.Pending"/>).
/// </summary>
/// <param name="ParentBodyId">Null for the root (cn); optional in JSON, which omits nulls, so the root's stored record reads back.</param>
public sealed record BodyProgress(string BodyId, int Year, string? ParentBodyId = null)
{
    public PlanMilestones Milestones { get; init; } = PlanMilestones.None;

    /// <summary>The items of the body's effective plan, with deadlines and weights.</summary>
    public ImmutableArray<ItemTarget> Targets { get; init; } = [];

    /// <summary>The items that have had at least one update, in the order they were first touched.</summary>
    public ImmutableArray<ItemProgress> Items { get; init; } = [];

    /// <summary>The item's progress; a pending record for an item without updates.</summary>
    public ItemProgress ProgressOf(string itemId) => FindProgress(itemId) ?? new ItemProgress(itemId);

    /// <summary>The item's progress, or null for an item without updates (nothing allocated).</summary>
    public ItemProgress? FindProgress(string itemId)
    {
        foreach (var item in Items)
        {
            if (item.ItemId == itemId)
            {
                return item;
            }
        }

        return null;
    }

    /// <summary>The item's target, or null when the plan has no such item.</summary>
    public ItemTarget? TargetOf(string itemId)
    {
        foreach (var target in Targets)
        {
            if (target.ItemId == itemId)
            {
                return target;
            }
        }

        return null;
    }

    /// <summary>
    /// Applies an update posted by <paramref name="actorBodyId"/> (null: as
    /// <see cref="ProgressContext.For"/> decides) on <paramref name="today"/>.
    /// </summary>
    public BodyProgressResult Apply(ProgressUpdate update, DateOnly today, string? actorBodyId = null)
    {
        ArgumentNullException.ThrowIfNull(update);
        var context = ProgressContext.For(actorBodyId is null ? update : update with { Actor = actorBodyId }, BodyId, ParentBodyId, today);
        if (update.Year != Year)
        {
            return Rejected(update, $"本条进度是{update.Year}年的，而“{BodyId}”此处记录的是{Year}年的工作要点");
        }

        if (string.IsNullOrWhiteSpace(update.ItemId))
        {
            return Rejected(update, "进度缺少事项编号（itemId）");
        }

        if (TargetOf(update.ItemId) is null)
        {
            return Rejected(update, $"“{BodyId}”{Year}年的工作要点中没有事项“{update.ItemId}”");
        }

        var outcome = ProgressOf(update.ItemId).Apply(update, context);
        return new BodyProgressResult(outcome.IsApplied ? WithItem(outcome.Item) : this, outcome);
    }

    /// <summary>
    /// The progress against a new version of the plan: progress of items still in the plan is kept,
    /// that of items the plan no longer has is dropped (it no longer counts anywhere).
    /// </summary>
    public BodyProgress WithTargets(IEnumerable<ItemTarget> targets)
    {
        var next = targets.ToImmutableArray();
        var kept = Items.Where(i => next.Any(t => t.ItemId == i.ItemId)).ToImmutableArray();
        return this with { Targets = next, Items = kept };
    }

    private BodyProgress WithItem(ItemProgress item)
    {
        for (var i = 0; i < Items.Length; i++)
        {
            if (Items[i].ItemId == item.ItemId)
            {
                return this with { Items = Items.SetItem(i, item) };
            }
        }

        return this with { Items = Items.Add(item) };
    }

    private BodyProgressResult Rejected(ProgressUpdate update, string message) =>
        new(this, new ProgressOutcome(ProgressOutcomeKind.Rejected, new ItemProgress(update.ItemId ?? ""), message));

    public bool Equals(BodyProgress? other) =>
        other is not null && BodyId == other.BodyId && Year == other.Year && ParentBodyId == other.ParentBodyId &&
        Milestones == other.Milestones && SequenceEquality.Equal(Targets, other.Targets) && SequenceEquality.Equal(Items, other.Items);

    public override int GetHashCode() => HashCode.Combine(BodyId, Year, Items.Length);
}
