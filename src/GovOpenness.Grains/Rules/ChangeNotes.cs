using GovOpenness.Abstractions.Plans;
using GovOpenness.Domain.Localization;

namespace GovOpenness.Grains.Rules;

/// <summary>
/// The notes the API shows for one applied domain change (field, from, to, who): the grain keeps every
/// level's notes on the item so that a plan read at a township still says what each level changed.
/// </summary>
internal static class ChangeNotes
{
    public static IEnumerable<ItemChangeNote> For(string bodyId, PlanItemData before, PlanItemData after, LocalizationChange change, bool byPolicy)
    {
        switch (change)
        {
            case TightenDeadline t:
                var from = ParentDate(before, t.DeadlineIndex);
                if (t.ApprovedException || from is null || t.NewDate <= from)
                {
                    // A tightening now later than the parent's date did not apply (a conflict says so).
                    yield return new(bodyId, "deadline", from is null ? null : Iso(from.Value), Iso(t.NewDate),
                        t.ApprovedException ? "经批准的例外" : null, byPolicy);
                }

                break;
            case SetUnits:
                yield return new(bodyId, "units", JoinUnits(before.Units), JoinUnits(after.Units), ByPolicy: byPolicy);
                break;
            case Reword r:
                if (r.Heading is not null)
                {
                    yield return new(bodyId, "heading", before.Heading, after.Heading);
                }

                if (r.Text is not null)
                {
                    yield return new(bodyId, "text", before.Text, after.Text);
                }

                break;
        }
    }

    // Dates as the API shows them ("2022-07-31"), units joined as the documents list them.
    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static string JoinUnits(IReadOnlyList<string> units) => string.Join("、", units);

    /// <summary>The parent's date the tightening replaces: the indexed deadline's, or the item's latest dated one.</summary>
    private static DateOnly? ParentDate(PlanItemData item, int? index)
    {
        if (index is int i)
        {
            return i >= 0 && i < item.Deadlines.Count ? item.Deadlines[i].Date : null;
        }

        return item.Deadlines.Where(d => d.Date is not null && d.Kind is not (Domain.Plans.DeadlineKind.Ongoing or Domain.Plans.DeadlineKind.WorkingDays))
            .Select(d => d.Date).Max();
    }
}
