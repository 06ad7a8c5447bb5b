using System.Collections.Immutable;

namespace GovOpenness.Domain.Localization;

/// <summary>
/// A body's plan as it applies to the body: the parent's plan with the body's localization on top.
/// Computed, never stored: it is a pure function of the parent's plan and the body's changes.
/// </summary>
/// <param name="BodyId">The body.</param>
/// <param name="Year">The plan's year.</param>
/// <param name="ParentBodyId">The parent whose plan it localizes.</param>
/// <param name="ParentVersion">The parent plan version it was computed from.</param>
/// <param name="Title">The body's title, or the parent's when the body issued none.</param>
/// <param name="DocNumber">The body's document number, when it has one.</param>
/// <param name="IssueDate">The body's date of issue, when known.</param>
/// <param name="Items">The items the body carries out, in order, each with its origin.</param>
/// <param name="Dropped">The parent items the body does not carry out, with reasons.</param>
/// <param name="Issues">Changes that could not be applied as written (e.g. to an item the parent
/// removed, or a later deadline without approval, which is clamped to the parent's).</param>
public sealed record EffectivePlan(
    string BodyId,
    int Year,
    string ParentBodyId,
    int ParentVersion,
    string? Title,
    string? DocNumber,
    DateOnly? IssueDate,
    ImmutableArray<EffectiveItem> Items,
    ImmutableArray<DroppedItem> Dropped,
    ImmutableArray<LocalizationIssue> Issues)
{
    /// <summary>The plan the body publishes to its own children.</summary>
    public PublishedPlan ToPublishedPlan(int version) =>
        new(BodyId, Year, version, Title, DocNumber, IssueDate, [.. Items.Select(i => i.Item)]);

    /// <summary>The item with the given id, or null.</summary>
    public EffectiveItem? FindItem(string itemId) => Items.FirstOrDefault(i => i.Item.Id == itemId);
}
