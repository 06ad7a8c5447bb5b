using GovOpenness.Domain.Plans;

namespace GovOpenness.Domain.Localization;

/// <summary>
/// Finds an old parent item in the parent's revision. Ids are positional, so a revision that inserts an
/// item renumbers the ones after it: an item is the same when its id and its heading or text match, or
/// else when exactly one item of the revision has its heading. Anything cleverer is document alignment,
/// which has its own issue.
/// </summary>
internal sealed class ItemMatcher
{
    private readonly Dictionary<string, PlanItem> _byId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<PlanItem>> _byHeading = new(StringComparer.Ordinal);

    public ItemMatcher(PublishedPlan revision)
    {
        foreach (var item in revision.Items)
        {
            _byId.TryAdd(item.Id, item);
            (_byHeading.TryGetValue(item.Heading, out var list) ? list : _byHeading[item.Heading] = []).Add(item);
        }
    }

    /// <summary>Whether the revision has an item with this id (whatever it is now).</summary>
    public bool HasId(string id) => _byId.ContainsKey(id);

    /// <summary>The revision's item that the old item became, or null when the parent removed it.</summary>
    public PlanItem? Find(PlanItem old)
    {
        if (_byId.TryGetValue(old.Id, out var same) && (same.Heading == old.Heading || same.Text == old.Text))
        {
            return same;
        }

        if (_byHeading.TryGetValue(old.Heading, out var moved) && moved.Count == 1)
        {
            return moved[0];
        }

        // Same position, new heading and text: the parent rewrote the item in place.
        return same;
    }
}
