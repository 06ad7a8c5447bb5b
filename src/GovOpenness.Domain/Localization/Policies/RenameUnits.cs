using System.Collections.Immutable;
using GovOpenness.Domain.Calendar;

namespace GovOpenness.Domain.Localization;

/// <summary>
/// Responsible units renamed to this body's own: each parent unit named in the mapping becomes the
/// body's unit (省发展改革委 → 市发展改革局), the others stay. Unlike <see cref="UnitsFromMapping"/>, which
/// chooses units by what an item is about, this follows the parent's assignment unit by unit.
/// </summary>
/// <param name="Renames">Parent unit → the body's unit, in order (the first entry for a unit wins).</param>
public sealed record RenameUnits(ImmutableArray<UnitRename> Renames) : LocalizationPolicy
{
    public override IEnumerable<LocalizationChange> Changes(PublishedPlan parent, WorkingDayCalendar calendar, string? bodyId = null)
    {
        ArgumentNullException.ThrowIfNull(parent);
        if (Renames.IsDefaultOrEmpty)
        {
            yield break;
        }

        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var rename in Renames)
        {
            map.TryAdd(rename.From, rename.To);
        }

        foreach (var item in parent.Items)
        {
            if (item.Units.Any(map.ContainsKey))
            {
                yield return new SetUnits(item.Id, [.. item.Units.Select(u => map.GetValueOrDefault(u, u))]);
            }
        }
    }
}
