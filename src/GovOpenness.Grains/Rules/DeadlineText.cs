using System.Globalization;
using GovOpenness.Abstractions.Plans;
using GovOpenness.Domain.Plans;

namespace GovOpenness.Grains.Rules;

/// <summary>Formats dates and deadlines the way the API and the documents show them.</summary>
internal static class DeadlineText
{
    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DeadlineData By(DateOnly date) => new($"{date.Month}月{date.Day}日前", DeadlineKind.By, date);

    /// <summary>The earliest due date an item states, if any.</summary>
    public static DateOnly? EarliestDue(PlanItemData item) =>
        item.Deadlines.Select(d => d.DueDate).Where(d => d.HasValue).Min();

    /// <summary>The item with its earliest dated deadline replaced (or the deadline added when it had none).</summary>
    public static PlanItemData WithDeadline(PlanItemData item, DeadlineData deadline)
    {
        var earliest = EarliestDue(item);
        var index = earliest is null ? -1 : item.Deadlines.ToList().FindIndex(d => d.DueDate == earliest);
        var deadlines = item.Deadlines.ToList();
        if (index >= 0)
        {
            deadlines[index] = deadline;
        }
        else
        {
            deadlines.Insert(0, deadline);
        }

        return item with { Deadlines = deadlines };
    }

    public static string JoinUnits(IReadOnlyList<string> units) => string.Join("、", units);
}
