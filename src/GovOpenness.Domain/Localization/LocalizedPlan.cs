using System.Collections.Immutable;

namespace GovOpenness.Domain.Localization;

/// <summary>
/// One step of the cascade: the parent's plan with one body's localization on top, as the materializer
/// computes it (each item's applied changes, the parent item it carries out, what could not be applied).
/// Computed, never stored: a pure function of the parent's plan and the body's changes. The plan a body
/// holds and serves, with every level's notes and a version stamp, is the grains' <c>EffectivePlan</c>
/// (GovOpenness.Abstractions), built from this one step at a time.
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
public sealed record LocalizedPlan(
    string BodyId,
    int Year,
    string ParentBodyId,
    int ParentVersion,
    string? Title,
    string? DocNumber,
    DateOnly? IssueDate,
    ImmutableArray<LocalizedItem> Items,
    ImmutableArray<DroppedItem> Dropped,
    ImmutableArray<LocalizationIssue> Issues)
{
    /// <summary>The plan the body publishes to its own children.</summary>
    public PublishedPlan ToPublishedPlan(int version) =>
        new(BodyId, Year, version, Title, DocNumber, IssueDate, [.. Items.Select(i => i.Item)]);

    /// <summary>The item with the given id, or null.</summary>
    public LocalizedItem? FindItem(string itemId) => Items.FirstOrDefault(i => i.Item.Id == itemId);
}
