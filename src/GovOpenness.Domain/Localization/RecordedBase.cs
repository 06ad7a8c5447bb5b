using System.Collections.Immutable;
using GovOpenness.Domain.Plans;

namespace GovOpenness.Domain.Localization;

/// <summary>
/// A change with the parent's values it replaced, recorded when the change was made. Stored next to the
/// change, these values are the merge base of the three-way merge after a parent revision
/// (<see cref="ThreeWayMerge"/>), so the parent's old plan version need not be kept.
/// </summary>
/// <param name="Change">The body's change.</param>
/// <param name="Units">The parent's units the change replaced (for <see cref="SetUnits"/>).</param>
/// <param name="Heading">The parent's heading the change replaced (for a <see cref="Reword"/> of the heading).</param>
/// <param name="Text">The parent's text the change replaced (for a <see cref="Reword"/> of the text).</param>
/// <param name="Item">The parent's item as it was (for an added item: the item it follows), so the merge
/// can find it again after the parent renumbered or restructured it; null in records made before it was kept.</param>
public sealed record RecordedBase(
    LocalizationChange Change,
    ImmutableArray<string>? Units = null,
    string? Heading = null,
    string? Text = null,
    PlanItem? Item = null)
{
    /// <summary>The parent's item the change was made on: the recorded one, or else the parent's current
    /// item of that id with the replaced values put back (what older records allow); null when unknown.</summary>
    public PlanItem? BaseItem(PublishedPlan parent)
    {
        ArgumentNullException.ThrowIfNull(parent);
        if (Item is not null)
        {
            return Item;
        }

        var id = Change is AddItem add ? add.AfterItemId : Change.ItemId;
        if (id is null || parent.FindItem(id) is not { } current)
        {
            return null;
        }

        return current with
        {
            Units = Units is { } units ? units : current.Units,
            Heading = Heading ?? current.Heading,
            Text = Text ?? current.Text,
        };
    }
}
