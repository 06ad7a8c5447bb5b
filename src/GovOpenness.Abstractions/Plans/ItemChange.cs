using GovOpenness.Domain.Localization;
using GovOpenness.Domain.Plans;

namespace GovOpenness.Abstractions.Plans;

/// <summary>
/// One localization of one item, or one item of the body's own: the wire form of a
/// <see cref="LocalizationChange"/>. Set exactly one of: a deadline, units, a rewording (text and/or
/// heading), a drop reason, or an added item.
/// </summary>
/// <param name="ItemId">The parent's item id (for an added item, the new item's id).</param>
/// <param name="Deadline">A tighter deadline (its date counts); a later one is rejected unless <paramref name="ApprovedException"/>.</param>
/// <param name="ApprovedException">The later deadline was approved as an exception (报批同意).</param>
/// <param name="Units">The responsible units at this body.</param>
/// <param name="Text">The item reworded for this body.</param>
/// <param name="DropReason">Why the item does not apply here (e.g. 本级无此职能).</param>
/// <param name="Added">An item of the body's own.</param>
/// <param name="DeadlineIndex">Which of the item's deadlines the new date is for (0-based, in the order
/// the item states them); null for every dated deadline later than it.</param>
/// <param name="Heading">The item's heading reworded for this body.</param>
/// <param name="AfterItemId">For an added item: the item it follows (null: at the end).</param>
[GenerateSerializer, Immutable, Alias("gov.ItemChange")]
public sealed record ItemChange(
    [property: Id(0)] string ItemId,
    [property: Id(1)] DeadlineData? Deadline = null,
    [property: Id(2)] bool ApprovedException = false,
    [property: Id(3)] IReadOnlyList<string>? Units = null,
    [property: Id(4)] string? Text = null,
    [property: Id(5)] string? DropReason = null,
    [property: Id(6)] PlanItemData? Added = null,
    [property: Id(7)] int? DeadlineIndex = null,
    [property: Id(8)] string? Heading = null,
    [property: Id(9)] string? AfterItemId = null)
{
    /// <summary>How many kinds of change are set (exactly one is valid; text and heading are one rewording).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public int KindCount =>
        new object?[] { Deadline, Units, Text ?? Heading, DropReason, Added }.Count(k => k is not null);

    /// <summary>The domain change, or null when the request does not say one exactly (no kind, several
    /// kinds, or a deadline without a date).</summary>
    public LocalizationChange? ToDomain()
    {
        if (KindCount != 1)
        {
            return null;
        }

        return this switch
        {
            { Deadline: { } d } => d.Date is { } date ? new TightenDeadline(ItemId, date, ApprovedException, DeadlineIndex) : null,
            { Units: { } u } => new SetUnits(ItemId, [.. u]),
            { DropReason: { } r } => new Drop(ItemId, r),
            { Added: { } a } => new AddItem(ItemId, AfterItemId, a.Heading, a.Text, [.. a.Deadlines.Select(x => x.ToDomain())], [.. a.Units]),
            _ => new Reword(ItemId, Heading, Text),
        };
    }

    /// <summary>The wire form of a domain change, losing nothing (the deadline index and heading included).</summary>
    public static ItemChange From(LocalizationChange change) => change switch
    {
        TightenDeadline t => new ItemChange(t.ItemId, new DeadlineData($"{t.NewDate.Month}月{t.NewDate.Day}日前", DeadlineKind.By, t.NewDate),
            t.ApprovedException, DeadlineIndex: t.DeadlineIndex),
        SetUnits s => new ItemChange(s.ItemId, Units: [.. s.Units]),
        Reword r => new ItemChange(r.ItemId, Text: r.Text, Heading: r.Heading),
        Drop d => new ItemChange(d.ItemId, DropReason: d.Reason),
        AddItem a => new ItemChange(a.ItemId, Added: new PlanItemData(a.ItemId, a.Heading, a.Text, [.. a.Deadlines.Select(DeadlineData.From)], [.. a.Units]),
            AfterItemId: a.AfterItemId),
        _ => throw new ArgumentOutOfRangeException(nameof(change), change.GetType().Name, "未知的本地化修改类型"),
    };
}
