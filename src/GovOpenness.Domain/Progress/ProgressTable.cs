using System.Collections.Immutable;
using GovOpenness.Domain.Calendar;

namespace GovOpenness.Domain.Progress;

/// <summary>
/// A body's own progress table on a given day, as <c>GET /api/bodies/{id}/progress?year=</c> returns it:
/// <c>{"bodyId":"141181","year":2022,"asOf":"2026-11-24","items":[ItemStanding…],"overdueItems":3}</c>.
/// Only the body's own items (its subtree is the summary's business).
/// </summary>
/// <param name="AsOf">The day the lights were computed for (today in China).</param>
/// <param name="Items">Every item of the body's effective plan, in plan order.</param>
/// <param name="OverdueItems">Items with a red light: the length of the viewer's overdue list.</param>
public sealed record ProgressTable(string BodyId, int Year, DateOnly AsOf, ImmutableArray<ItemStanding> Items, int OverdueItems)
{
    public static ProgressTable Of(BodyProgress body, DateOnly today, WorkingDayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(body);
        var items = ItemStanding.Of(body, today, calendar);
        return new ProgressTable(body.BodyId, body.Year, today, items, items.Count(i => i.Light == ProgressLight.Red));
    }

    public bool Equals(ProgressTable? other) =>
        other is not null && BodyId == other.BodyId && Year == other.Year && AsOf == other.AsOf &&
        OverdueItems == other.OverdueItems && Localization.SequenceEquality.Equal(Items, other.Items);

    public override int GetHashCode() => HashCode.Combine(BodyId, Year, AsOf, Items.Length);
}
