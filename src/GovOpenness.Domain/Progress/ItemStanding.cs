using System.Collections.Immutable;
using GovOpenness.Domain.Calendar;

namespace GovOpenness.Domain.Progress;

/// <summary>
/// One row of a body's progress table as the viewer shows it on a given day:
/// <c>{"itemId":"2.3","status":"inProgress","deadline":"2022-07-31","light":"red","overdueDays":10,
/// "percent":40,"weight":1,"returnReason":"…","evidence":[…],"note":"…","overdueWorkingDays":6,
/// "reportedOn":null}</c>. Overdue days are calendar days (what the offenders list sums); overdue
/// working days are what supervisors quote in a 督办 notice (holidays do not count against a body).
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
    /// <summary>The body's last note (办理 remarks or the report's wording).</summary>
    public string? Note { get; init; }

    /// <summary>Working days past the deadline of an item not yet done; 0 otherwise.</summary>
    public int OverdueWorkingDays { get; init; }

    /// <summary>The day of the last report (反馈), when there was one.</summary>
    public DateOnly? ReportedOn { get; init; }

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
                progress.Evidence)
            {
                Note = progress.Note,
                OverdueWorkingDays = DeadlineLight.OverdueWorkingDays(target.Deadline, progress.Status, today, calendar),
                ReportedOn = progress.ReportedOn,
            });
        }

        return rows.MoveToImmutable();
    }
}
