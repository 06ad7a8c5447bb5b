namespace GovOpenness.Domain.Desk;

/// <summary>One page of a filtered subtree list: how many bodies matched, and those on this page.</summary>
public sealed record SubtreePage(int Total, int Skip, IReadOnlyList<BodyStanding> Bodies)
{
    /// <summary>Filters, orders and pages standings (stable: equal keys keep the tree order).</summary>
    public static SubtreePage Of(IEnumerable<BodyStanding> standings, SubtreeFilter filter, SubtreeSort sort, bool descending, int skip, int take)
    {
        ArgumentNullException.ThrowIfNull(standings);
        ArgumentNullException.ThrowIfNull(filter);
        var matched = standings.Where(filter.Matches).ToList();
        var ordered = Order(matched, sort, descending).ToList();
        return new SubtreePage(matched.Count, skip, ordered.Skip(skip).Take(take).ToList());
    }

    /// <summary>All matches in order, for an export of the filtered list.</summary>
    public static IEnumerable<BodyStanding> All(IEnumerable<BodyStanding> standings, SubtreeFilter filter, SubtreeSort sort, bool descending)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return Order(standings.Where(filter.Matches).ToList(), sort, descending);
    }

    private static IEnumerable<BodyStanding> Order(List<BodyStanding> bodies, SubtreeSort sort, bool descending)
    {
        IOrderedEnumerable<BodyStanding> ordered = sort switch
        {
            SubtreeSort.Name => By(bodies, b => b.Name, descending, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("zh-CN"), false)),
            SubtreeSort.Id => By(bodies, b => b.Id, descending, StringComparer.Ordinal),
            SubtreeSort.Light => By(bodies, b => (int)b.Light, descending),
            SubtreeSort.OverdueItems => By(bodies, b => b.OverdueItems, descending),
            SubtreeSort.OverdueDays => By(bodies, b => b.OverdueDays, descending),
            SubtreeSort.Percent => By(bodies, b => b.Percent, descending),
            SubtreeSort.Level => By(bodies, b => (int)b.Level, descending),
            _ => By(bodies, b => b.TreeOrder, descending),
        };
        return ordered.ThenBy(b => b.TreeOrder);
    }

    private static IOrderedEnumerable<BodyStanding> By<TKey>(List<BodyStanding> bodies, Func<BodyStanding, TKey> key, bool descending, IComparer<TKey>? comparer = null) =>
        descending ? bodies.OrderByDescending(key, comparer) : bodies.OrderBy(key, comparer);
}
