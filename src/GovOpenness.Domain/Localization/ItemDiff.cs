using System.Collections.Immutable;

namespace GovOpenness.Domain.Localization;

/// <summary>How one item of a body's plan differs from the parent's plan.</summary>
/// <param name="ItemId">The item (the parent's id, or the local id for an added item).</param>
/// <param name="Kind">Changed, dropped or added.</param>
/// <param name="Heading">The item's heading as the body has it (the parent's for a dropped item).</param>
/// <param name="Deadline">The effective deadline, parent's → body's, when it moved.</param>
/// <param name="Deadlines">Each moved deadline, when any moved.</param>
/// <param name="Units">Responsible units, parent's → body's, when they differ (an empty "from" means
/// units were added).</param>
/// <param name="HeadingChange">The heading, parent's → body's, when reworded.</param>
/// <param name="TextChange">The text, parent's → body's, when reworded.</param>
/// <param name="DropReason">Why the body dropped the item.</param>
public sealed record ItemDiff(
    string ItemId,
    ItemDiffKind Kind,
    string Heading,
    ValueChange<DateOnly?>? Deadline = null,
    ImmutableArray<DeadlineChange> Deadlines = default,
    ValueChange<ImmutableArray<string>>? Units = null,
    ValueChange<string>? HeadingChange = null,
    ValueChange<string>? TextChange = null,
    string? DropReason = null)
{
    /// <summary>Never default, so callers and JSON can enumerate it.</summary>
    public ImmutableArray<DeadlineChange> Deadlines { get; init; } = Deadlines.IsDefault ? [] : Deadlines;
}
