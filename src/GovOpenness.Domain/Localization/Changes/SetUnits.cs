using System.Collections.Immutable;

namespace GovOpenness.Domain.Localization;

/// <summary>Names the body's own responsible units for an item (replacing the parent's).</summary>
public sealed record SetUnits(string ItemId, ImmutableArray<string> Units) : LocalizationChange(ItemId)
{
    /// <summary>Never default, so callers and JSON can enumerate it.</summary>
    public ImmutableArray<string> Units { get; init; } = Units.IsDefault ? [] : Units;

    public override string Describe() => $"责任单位：{string.Join("、", Units.IsDefault ? [] : Units)}";

    public bool Equals(SetUnits? other) =>
        other is not null && ItemId == other.ItemId && SequenceEquality.Equal(Units, other.Units);

    public override int GetHashCode() => HashCode.Combine(ItemId, SequenceEquality.Hash(Units));
}
