namespace GovOpenness.Abstractions.Plans;

/// <summary>
/// One localization of one item, or one item of the body's own. Set exactly one of: a deadline, units,
/// text, a drop reason, or an added item.
/// </summary>
/// <param name="ItemId">The parent's item id (for an added item, the new item's id).</param>
/// <param name="Deadline">A tighter deadline; a later one is rejected unless <paramref name="ApprovedException"/>.</param>
/// <param name="ApprovedException">The later deadline was approved as an exception (报批同意).</param>
/// <param name="Units">The responsible units at this body.</param>
/// <param name="Text">The item reworded for this body.</param>
/// <param name="DropReason">Why the item does not apply here (e.g. 本级无此职能).</param>
/// <param name="Added">An item of the body's own.</param>
[GenerateSerializer, Immutable, Alias("gov.ItemChange")]
public sealed record ItemChange(
    [property: Id(0)] string ItemId,
    [property: Id(1)] DeadlineData? Deadline = null,
    [property: Id(2)] bool ApprovedException = false,
    [property: Id(3)] IReadOnlyList<string>? Units = null,
    [property: Id(4)] string? Text = null,
    [property: Id(5)] string? DropReason = null,
    [property: Id(6)] PlanItemData? Added = null);
