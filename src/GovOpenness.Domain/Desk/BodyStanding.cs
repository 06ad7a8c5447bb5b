using GovOpenness.Domain.Calendar;
using GovOpenness.Domain.Hierarchy;
using GovOpenness.Domain.Progress;

namespace GovOpenness.Domain.Desk;

/// <summary>
/// One body's row in a filtered subtree list on a given day: its own items only (the subtree is what
/// the list is made of), their worst light, how many are overdue and by how much, how many stand at
/// each step, and the weighted completion. With an item chosen, <see cref="Item"/> is that item's standing.
/// </summary>
public sealed record BodyStanding(
    string Id,
    string Name,
    BodyLevel Level,
    string ParentPath,
    ProgressLight Light,
    int Items,
    int OverdueItems,
    int OverdueDays,
    int MaxOverdueWorkingDays,
    IReadOnlyDictionary<DeskStep, int> Steps,
    double Percent)
{
    /// <summary>The chosen item at this body (null when no item was chosen, or the body's plan lacks it).</summary>
    public ItemStanding? Item { get; init; }

    /// <summary>The chosen item's step in the 台账's words.</summary>
    public DeskStep? ItemStep { get; init; }

    /// <summary>The position in a top-down walk of the subtree: the default order, parents before children.</summary>
    public int TreeOrder { get; init; }

    public static BodyStanding Of(BodySheet sheet, DateOnly day, WorkingDayCalendar calendar, string? itemId = null, int treeOrder = 0)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        var rows = ItemStanding.Of(sheet.Progress, day, calendar);
        var steps = Enum.GetValues<DeskStep>().ToDictionary(s => s, _ => 0);
        long weighted = 0, weights = 0;
        foreach (var row in rows)
        {
            var step = DeskNames.StepOf(sheet.Progress.ProgressOf(row.ItemId));
            steps[step]++;
            if (step == DeskStep.Returned)
            {
                steps[DeskStep.InProgress]++; // 退回 is a kind of 办理中: both counts hold it
            }

            weights += row.Weight;
            weighted += row.Weight * (row.Status is ItemStatus.Reported or ItemStatus.Closed ? 100 : row.Percent ?? 0);
        }

        var chosen = itemId is null ? null : rows.FirstOrDefault(r => r.ItemId == itemId);
        var parents = sheet.Path.Where(p => p.Id != BodyId.Nation && p.Id != sheet.Body.Id).Select(p => p.Name);
        return new BodyStanding(
            sheet.Body.Id,
            sheet.Body.Name,
            sheet.Body.Level,
            string.Join(" › ", parents),
            rows.Length == 0 ? ProgressLight.Green : rows.Max(r => r.Light),
            rows.Length,
            rows.Count(r => r.Light == ProgressLight.Red),
            rows.Sum(r => r.OverdueDays),
            rows.Length == 0 ? 0 : rows.Max(r => r.OverdueWorkingDays),
            steps,
            weights == 0 ? 0 : Math.Round((double)weighted / weights, 1))
        {
            Item = chosen,
            ItemStep = chosen is null ? null : DeskNames.StepOf(sheet.Progress.ProgressOf(chosen.ItemId)),
            TreeOrder = treeOrder,
        };
    }
}
