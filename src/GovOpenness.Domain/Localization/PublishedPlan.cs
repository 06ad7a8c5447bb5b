using System.Collections.Immutable;
using GovOpenness.Domain.Calendar;
using GovOpenness.Domain.Plans;

namespace GovOpenness.Domain.Localization;

/// <summary>
/// What a body publishes for a year: the plan its children localize. A root plan (a province's, or a
/// department's with no parent in the system) comes from a parsed document or JSON; a localized body's
/// published plan is its <see cref="LocalizedPlan"/> turned back into a plan.
/// </summary>
/// <param name="BodyId">The publishing body, e.g. "14".</param>
/// <param name="Year">The year the plan is for.</param>
/// <param name="Version">1 for the first publication, then 2, 3 … for each revision.</param>
/// <param name="Title">The plan's title.</param>
/// <param name="DocNumber">The document number, when the document has one.</param>
/// <param name="IssueDate">The date of issue.</param>
/// <param name="Items">Sections and items, flat, in order; each item's deadlines are its effective ones.</param>
public sealed record PublishedPlan(
    string BodyId,
    int Year,
    int Version,
    string? Title,
    string? DocNumber,
    DateOnly? IssueDate,
    ImmutableArray<PlanItem> Items)
{
    /// <summary>Never default, so callers and JSON can enumerate it.</summary>
    public ImmutableArray<PlanItem> Items { get; init; } = Items.IsDefault ? [] : Items;

    /// <summary>A plan published from a parsed document, its recurring deadlines resolved against its issue date.</summary>
    public static PublishedPlan FromDocument(string bodyId, PlanDocument document, int version = 1)
    {
        var resolved = RecurringDeadlines.Resolve(document);
        return new(bodyId, resolved.Year, version, resolved.Title, resolved.DocNumber, resolved.IssueDate, [.. resolved.Items]);
    }

    /// <summary>The item with the given id, or null.</summary>
    public PlanItem? FindItem(string itemId)
    {
        foreach (var item in Items)
        {
            if (item.Id == itemId)
            {
                return item;
            }
        }

        return null;
    }
}
