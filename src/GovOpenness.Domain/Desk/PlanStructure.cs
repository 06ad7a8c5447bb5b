namespace GovOpenness.Domain.Desk;

/// <summary>
/// Headings are the plan's structure, not work items: they are not counted, acknowledged or made
/// overdue. A heading is any numbered entry with deeper entries right after it: a chapter (一、 above
/// （一）) and a sub-section as well (山西省 2021: （一） above 1. 2. 3.). An entry with nothing under it is
/// a task at any depth (a short plan may list its tasks as 一、二、…; a （三） with only its own text is
/// one task). The one rule for every consumer: progress targets, the 台账, 回头看, the annual report.
/// </summary>
public static class PlanStructure
{
    /// <summary>For items in plan order given by their depths: whether each is a heading (a deeper item right after it).</summary>
    public static bool[] Headings(IReadOnlyList<int> depths)
    {
        ArgumentNullException.ThrowIfNull(depths);
        var headings = new bool[depths.Count];
        for (var i = 0; i + 1 < depths.Count; i++)
        {
            headings[i] = depths[i + 1] > depths[i];
        }

        return headings;
    }

    /// <summary>The same rule as <see cref="Headings"/>, under the name the progress targets were first derived with.</summary>
    public static bool[] Chapters(IReadOnlyList<int> depths) => Headings(depths);

    /// <summary>How many entries are tasks (the leaves): what a plan counts as its items.</summary>
    public static int TaskCount(IReadOnlyList<int> depths) => Headings(depths).Count(h => !h);

    /// <summary>Whether <paramref name="item"/> of <paramref name="items"/> (plan order) is a heading.</summary>
    public static bool IsHeading(IReadOnlyList<LedgerItem> items, LedgerItem item)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(item);
        for (var i = 0; i < items.Count; i++)
        {
            if (ReferenceEquals(items[i], item) || items[i].ItemId == item.ItemId)
            {
                return i + 1 < items.Count && items[i + 1].Depth > items[i].Depth;
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
