using GovOpenness.Domain.Plans;

namespace GovOpenness.Domain.Alignment;

/// <summary>
/// Splits a plan into the two tiers that are aligned separately: top sections (depth 1), whose
/// wording is the union of everything below them, and leaf items (items with nothing below them),
/// which carry the actual tasks, deadlines and units.
/// </summary>
/// <remarks>
/// Why separately: a section and an item of the other document can share most of their words
/// (a section's text contains its items), so mixing the tiers would let a section "carry out" a task.
/// Intermediate items (depth 2 with depth-3 items below, as in the 2021 plan) are represented by their
/// leaves, whose wording they only summarize.
/// </remarks>
internal static class PlanTiers
{
    public static (IReadOnlyList<ItemProfile> Sections, IReadOnlyList<ItemProfile> Leaves) Profile(PlanDocument plan)
    {
        var items = plan.Items;
        var sections = new List<(PlanItem Item, string Text)>();
        var leaves = new List<(PlanItem Item, string Text, string Section)>();
        string currentSection = string.Empty;
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var end = i + 1;
            while (end < items.Count && items[end].Depth > item.Depth)
            {
                end++;
            }

            var own = OwnText(item);
            if (item.Depth <= 1)
            {
                currentSection = item.Heading;
                var all = string.Concat(Enumerable.Range(i, end - i).Select(k => OwnText(items[k]) + "。"));
                sections.Add((item, all));
            }

            if (end == i + 1)
            {
                leaves.Add((item, own, item.Depth <= 1 ? string.Empty : currentSection));
            }
        }

        return (
            sections.Select((s, n) => Build(s.Item, s.Text, string.Empty, n, sections.Count)).ToList(),
            leaves.Select((l, n) => Build(l.Item, l.Text, l.Section, n, leaves.Count)).ToList());
    }

    /// <summary>Heading and body, without repeating a heading the body already starts with.</summary>
    private static string OwnText(PlanItem item)
    {
        var heading = item.Heading.Trim();
        var text = item.Text.Trim();
        if (heading.Length == 0 || text.Contains(heading, StringComparison.Ordinal))
        {
            return text.Length > 0 ? text : heading;
        }

        return heading + "。" + text;
    }

    private static ItemProfile Build(PlanItem item, string text, string section, int index, int count)
    {
        var matching = AlignmentText.ForMatching(text);
        return new ItemProfile
        {
            Item = item,
            RelativePosition = count <= 1 ? 0.5 : (double)index / (count - 1),
            MatchingText = matching,
            SegmentTexts = AlignmentText.Segments(matching),
            ClauseTexts = AlignmentText.Clauses(matching),
            SectionHeading = AlignmentText.ForMatching(section),
            UnitKeys = UnitNames.Keys(item.Units),
        };
    }
}
