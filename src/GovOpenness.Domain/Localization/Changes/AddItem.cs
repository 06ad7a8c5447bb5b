using System.Collections.Immutable;
using GovOpenness.Domain.Plans;

namespace GovOpenness.Domain.Localization;

/// <summary>
/// Adds an item of the body's own. Its id must not look like a positional id ("2.3") so that it can
/// never collide with an item of a later parent revision; "L1", "141181-1" or "孝义-疫情防控" are fine.
/// </summary>
/// <param name="ItemId">The new item's id.</param>
/// <param name="AfterItemId">The item (with everything numbered under it) the new item follows; null
/// puts it at the end.</param>
/// <param name="Heading">The new item's heading.</param>
/// <param name="Text">The new item's full text.</param>
/// <param name="Deadlines">Its deadlines.</param>
/// <param name="Units">Its responsible units.</param>
public sealed record AddItem(
    string ItemId,
    string? AfterItemId,
    string Heading,
    string Text,
    ImmutableArray<Deadline> Deadlines,
    ImmutableArray<string> Units) : LocalizationChange(ItemId)
{
    /// <summary>Never default, so callers and JSON can enumerate it.</summary>
    public ImmutableArray<Deadline> Deadlines { get; init; } = Deadlines.IsDefault ? [] : Deadlines;

    /// <summary>Never default, so callers and JSON can enumerate it.</summary>
    public ImmutableArray<string> Units { get; init; } = Units.IsDefault ? [] : Units;

    public override string Describe() => $"本级新增“{Heading}”";

    public bool Equals(AddItem? other) =>
        other is not null && ItemId == other.ItemId && AfterItemId == other.AfterItemId && Heading == other.Heading
        && Text == other.Text && SequenceEquality.Equal(Deadlines, other.Deadlines) && SequenceEquality.Equal(Units, other.Units);

    public override int GetHashCode() => HashCode.Combine(ItemId, AfterItemId, Heading, Text, SequenceEquality.Hash(Deadlines), SequenceEquality.Hash(Units));
}
