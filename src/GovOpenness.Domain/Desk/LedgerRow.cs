using GovOpenness.Domain.Calendar;
using GovOpenness.Domain.Progress;

namespace GovOpenness.Domain.Desk;

/// <summary>
/// One row of the 台账: one item at one body, as supervisors hand it to a meeting. Column names are
/// the sheet's headers (<see cref="Headers"/>); lights are words, so a printout in black and white
/// still says which items are late.
/// </summary>
public sealed record LedgerRow(
    string BodyId,
    string BodyName,
    string Path,
    string ItemId,
    string Heading,
    string DeadlineText,
    DateOnly? Deadline,
    string Units,
    string Step,
    int Percent,
    string Evidence,
    string Light,
    int OverdueWorkingDays,
    DateOnly? ReportedOn,
    string Note)
{
    public static readonly IReadOnlyList<string> Headers =
        ["机构编码", "机构名称", "层级路径", "事项编号", "工作任务", "完成时限", "截止日期", "责任单位", "办理环节", "完成进度（%）", "印证资料", "状态灯", "逾期工作日", "反馈日期", "备注"];

    /// <summary>The body's rows on <paramref name="day"/>, in plan order (headings are structure, not rows).</summary>
    public static IEnumerable<LedgerRow> Of(BodySheet sheet, DateOnly day, WorkingDayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        foreach (var row in ItemStanding.Of(sheet.Progress, day, calendar))
        {
            var item = sheet.ItemOf(row.ItemId);
            if (item is not null && PlanStructure.IsHeading(sheet.Items, item))
            {
                continue;
            }

            var progress = sheet.Progress.ProgressOf(row.ItemId);
            var done = row.Status is ItemStatus.Reported or ItemStatus.Closed;
            yield return new LedgerRow(
                sheet.Body.Id,
                sheet.Body.Name,
                sheet.PathText,
                row.ItemId,
                item?.Heading ?? "",
                item?.DeadlineText ?? "",
                row.Deadline,
                item is null ? "" : string.Join("、", item.Units),
                DeskNames.Of(DeskNames.StepOf(progress)),
                done ? 100 : row.Percent ?? 0,
                string.Join(" ", row.Evidence),
                DeskNames.Of(row.Light),
                row.OverdueWorkingDays,
                row.ReportedOn,
                row.ReturnReason is { } reason ? "退回：" + reason : row.Note ?? "");
        }
    }

    /// <summary>The row's cells in the order of <see cref="Headers"/> (dates as ISO text, numbers as numbers).</summary>
    public object?[] Cells() =>
        [BodyId, BodyName, Path, ItemId, Heading, DeadlineText, Deadline?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
         Units, Step, Percent, Evidence, Light, OverdueWorkingDays, ReportedOn?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), Note];
}
