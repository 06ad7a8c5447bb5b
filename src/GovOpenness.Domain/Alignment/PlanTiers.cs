using GovOpenness.Domain.Plans;

namespace GovOpenness.Domain.Alignment;

/// <summary>
/// Splits a plan into the three tiers that are aligned separately: top sections (depth 1), whose
/// wording is the union of everything below them; sub-sections (an item of depth 2 or more with items
/// below it, such as the 2021 plan's （一） above its 1. 2. 3.), whose wording is likewise the union of
/// their items; and leaf items (items with nothing below them), which carry the actual tasks, deadlines
/// and units.
/// </summary>
/// <remarks>
/// Why separately: a section and an item of the other document can share most of their words
/// (a section's text contains its items), so mixing the tiers would let a section "carry out" a task.
/// A sub-section is paired with the other document's sub-sections only: its tasks are compared at the
/// leaf tier, its heading (what the body groups its tasks under) at its own.
/// </remarks>
internal static class PlanTiers
{
    public static PlanTierProfiles Profile(PlanDocument plan)
    {
        var items = plan.Items;
        var sections = new List<(PlanItem Item, string Text)>();
        var subsections = new List<(PlanItem Item, string Text, string Section)>();
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
                sections.Add((item, Subtree(items, i, end)));
            }
            else if (end > i + 1)
            {
                subsections.Add((item, Subtree(items, i, end), currentSection));
            }

            if (end == i + 1)
            {
                leaves.Add((item, own, item.Depth <= 1 ? string.Empty : currentSection));
            }
        }

        return new PlanTierProfiles(
            sections.Select((s, n) => Build(s.Item, s.Text, string.Empty, n, sections.Count)).ToList(),
            subsections.Select((s, n) => Build(s.Item, s.Text, s.Section, n, subsections.Count)).ToList(),
            leaves.Select((l, n) => Build(l.Item, l.Text, l.Section, n, leaves.Count)).ToList());
    }

    /// <summary>The wording of an item and everything below it (items <paramref name="start"/> to <paramref name="end"/>).</summary>
    private static string Subtree(IReadOnlyList<PlanItem> items, int start, int end) =>
        string.Concat(Enumerable.Range(start, end - start).Select(k => OwnText(items[k]) + "。"));

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
