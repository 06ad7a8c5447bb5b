using System.Collections.Immutable;
using GovOpenness.Domain.Plans;

namespace GovOpenness.Domain.Localization;

/// <summary>One item of a <see cref="LocalizedPlan"/>: where it came from and the changes this body applied to it.</summary>
/// <param name="Item">The item as it applies to the body (ids of inherited items are the parent's).</param>
/// <param name="ParentItemId">The parent item it carries out; null for an item the body added itself.</param>
/// <param name="Changes">The body's changes applied to it, in order; empty when adopted as is.</param>
/// <param name="ParentDeadline">The parent item's earliest due date, for comparison.</param>
public sealed record LocalizedItem(
    PlanItem Item,
    string? ParentItemId,
    ImmutableArray<LocalizationChange> Changes,
    DateOnly? ParentDeadline)
{
    /// <summary>Never default, so callers and JSON can enumerate it.</summary>
    public ImmutableArray<LocalizationChange> Changes { get; init; } = Changes.IsDefault ? [] : Changes;

    /// <summary>What <see cref="Origin"/> says for an item the body added itself.</summary>
    public const string LocalOrigin = "local";

    /// <summary>The parent item id, or "local".</summary>
    public string Origin => ParentItemId ?? LocalOrigin;

    /// <summary>The date the body must have the item done by: never later than any ancestor's, unless
    /// an approved exception says so.</summary>
    public DateOnly? EffectiveDeadline => Item.EarliestDueDate;

    /// <summary>Whether the body took the item over unchanged.</summary>
    public bool IsAdoptedAsIs => ParentItemId is not null && Changes.IsDefaultOrEmpty;
}
