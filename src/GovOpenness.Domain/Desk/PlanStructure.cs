namespace GovOpenness.Domain.Desk;

/// <summary>
/// Chapters (一、二、… headings with tasks under them) are the plan's structure, not work items: they
/// are not counted, acknowledged or made overdue. A top-level entry with no tasks under it is itself
/// a task (a short plan may list its tasks as 一、二、…).
/// </summary>
public static class PlanStructure
{
    /// <summary>For items in plan order given by their depths: whether each is a chapter (depth 1 with deeper items after it).</summary>
    public static bool[] Chapters(IReadOnlyList<int> depths)
    {
        ArgumentNullException.ThrowIfNull(depths);
        var chapters = new bool[depths.Count];
        for (var i = 0; i + 1 < depths.Count; i++)
        {
            chapters[i] = depths[i] <= 1 && depths[i + 1] > depths[i];
        }

        return chapters;
    }

    public static bool IsChapter(IReadOnlyList<LedgerItem> items, LedgerItem item)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(item);
        if (item.Depth > 1)
        {
            return false;
        }

        for (var i = 0; i < items.Count; i++)
        {
            if (ReferenceEquals(items[i], item) || items[i].ItemId == item.ItemId)
            {
                return i + 1 < items.Count && items[i + 1].Depth > item.Depth;
            }
        }

        return false;
    }

    /// <summary>The chapter an item belongs to (the nearest depth-1 entry before it), or null.</summary>
    public static LedgerItem? ChapterOf(IReadOnlyList<LedgerItem> items, string itemId)
    {
        ArgumentNullException.ThrowIfNull(items);
        LedgerItem? chapter = null;
        foreach (var item in items)
        {
            if (item.Depth <= 1)
            {
                chapter = item;
            }

            if (item.ItemId == itemId)
            {
                return chapter is not null && chapter.ItemId != itemId ? chapter : null;
            }
        }

        return null;
    }
}
