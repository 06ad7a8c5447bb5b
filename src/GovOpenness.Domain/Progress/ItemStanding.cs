using System.Collections.Immutable;
using GovOpenness.Domain.Calendar;

namespace GovOpenness.Domain.Progress;

/// <summary>
/// One row of a body's progress table as the viewer shows it on a given day:
/// <c>{"itemId":"2.3","status":"inProgress","deadline":"2022-07-31","light":"red","overdueDays":10,
/// "percent":40,"weight":1,"returnReason":"…","evidence":[…]}</c>.
/// </summary>
public sealed record ItemStanding(
    string ItemId,
    ItemStatus Status,
    DateOnly? Deadline,
    ProgressLight Light,
    int OverdueDays,
    int? Percent,
    int Weight,
    string? ReturnReason,
    ImmutableArray<string> Evidence)
{
    /// <summary>The body's items in plan order, with their light on <paramref name="today"/>.</summary>
    public static ImmutableArray<ItemStanding> Of(BodyProgress body, DateOnly today, WorkingDayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(body);
        var rows = ImmutableArray.CreateBuilder<ItemStanding>(body.Targets.Length);
        foreach (var target in body.Targets)
        {
            var progress = body.ProgressOf(target.ItemId);
            rows.Add(new ItemStanding(
                target.ItemId,
                progress.Status,
                target.Deadline,
                DeadlineLight.Of(target.Deadline, progress.Status, today, calendar),
                DeadlineLight.OverdueDays(target.Deadline, progress.Status, today),
                progress.Percent,
                target.Weight,
                progress.ReturnReason,
                progress.Evidence));
        }

        return rows.MoveToImmutable();
    }
}
