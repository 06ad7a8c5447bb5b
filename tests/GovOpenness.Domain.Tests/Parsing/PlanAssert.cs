using System.Globalization;
using GovOpenness.Domain.Plans;

namespace GovOpenness.Domain.Tests.Parsing;

/// <summary>Compact assertions over a parsed plan, so each seed's expectations read like the document.</summary>
internal static class PlanAssert
{
    /// <summary>
    /// The items, in order: ids, headings (a heading given with a trailing "…" is only the start of the
    /// heading; otherwise the whole heading) and units.
    /// </summary>
    public static void Items(PlanDocument plan, params (string Id, string Heading, string[] Units)[] expected)
    {
        Assert.Equal(expected.Select(e => e.Id), plan.Items.Select(i => i.Id));
        foreach (var (e, item) in expected.Zip(plan.Items))
        {
            if (e.Heading.EndsWith('…'))
            {
                Assert.StartsWith(e.Heading[..^1], item.Heading, StringComparison.Ordinal);
            }
            else
            {
                Assert.Equal(e.Heading, item.Heading);
            }

            Assert.True(e.Units.SequenceEqual(item.Units),
                $"item {e.Id}: expected units [{string.Join("、", e.Units)}] but got [{string.Join("、", item.Units)}]");
        }
    }

    /// <summary>
    /// Every deadline of the plan in document order, with its item: original text, kind, and the date
    /// (yyyy-mm-dd) or, for working days, the number of days.
    /// </summary>
    public static void Deadlines(PlanDocument plan, params (string Id, string Text, DeadlineKind Kind, string Value)[] expected)
    {
        var actual = plan.Items
            .SelectMany(i => i.Deadlines.Select(d => (i.Id, d.Text, d.Kind, Value: Value(d))))
            .ToList();
        Assert.Equal(expected.ToList(), actual);
    }

    public static void Counts(PlanDocument plan, int sections, int items)
    {
        Assert.Equal(sections, plan.Items.Count(i => i.Depth == 1));
        Assert.Equal(items, plan.Items.Count(i => i.Depth > 1));
    }

    private static string Value(Deadline d)
        => d.Kind == DeadlineKind.WorkingDays
            ? d.Days?.ToString(CultureInfo.InvariantCulture) ?? ""
            : d.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
}
