namespace GovOpenness.Domain.Localization;

/// <summary>
/// Records the merge base of a change when it is made: the parent's item it was made on and the values
/// it replaced. The merge itself is <see cref="ThreeWayMerge"/> (one merge): it takes these records in
/// place of the parent's old plan, so a body stores no old parent versions.
/// </summary>
public static class BaseValueMerge
{
    /// <summary>The base to store with a change made against <paramref name="parent"/>.</summary>
    public static RecordedBase Record(PublishedPlan parent, LocalizationChange change)
    {
        ArgumentNullException.ThrowIfNull(parent);
        ArgumentNullException.ThrowIfNull(change);
        if (change is AddItem add)
        {
            return new RecordedBase(change, Item: add.AfterItemId is null ? null : parent.FindItem(add.AfterItemId));
        }

        if (parent.FindItem(change.ItemId) is not { } item)
        {
            return new RecordedBase(change);
        }

        return change switch
        {
            SetUnits => new RecordedBase(change, Units: [.. item.Units], Item: item),
            Reword r => new RecordedBase(change, Heading: r.Heading is null ? null : item.Heading, Text: r.Text is null ? null : item.Text, Item: item),
            _ => new RecordedBase(change, Item: item),
        };
    }
}
