using System.Globalization;
using GovOpenness.Domain.Calendar;
using GovOpenness.Domain.Progress;

namespace GovOpenness.Domain.Desk;

/// <summary>One chapter of the report's section: what was done, what is under way, what is late and why.</summary>
public sealed record ReportChapter(string Heading, IReadOnlyList<string> Done, IReadOnlyList<string> Open, IReadOnlyList<string> Late);

/// <summary>
/// The 年度重点工作任务落实情况 section of a body's 政府信息公开工作年度报告, written from its own items'
/// 反馈 notes and evidence, per chapter of its plan, with the late items and the reasons given (the
/// parent's return reason or the body's own note), and the roll-up figures of its whole subtree. The
/// wording comes from a <see cref="ReportTemplate"/> the body may edit.
/// </summary>
public sealed record AnnualReport(string Title, string SectionHeading, string Intro, string? RollUp, IReadOnlyList<ReportChapter> Chapters, string Closing, DateOnly AsOf)
{
    public static AnnualReport Of(BodySheet sheet, SummaryCounts subtree, DateOnly day, WorkingDayCalendar calendar, ReportTemplate template)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        ArgumentNullException.ThrowIfNull(subtree);
        ArgumentNullException.ThrowIfNull(template);
        var progress = ProgressAsOf.At(sheet.Progress, day);
        var rows = ItemStanding.Of(progress, day, calendar).ToDictionary(r => r.ItemId);
        var own = ProgressFigures.ForBody(progress, day, calendar).Counts;
        var score = AssessmentScore.Of(own);
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["机构"] = sheet.Body.Name,
            ["年度"] = progress.Year.ToString(CultureInfo.InvariantCulture),
            ["日期"] = $"{day.Year}年{day.Month}月{day.Day}日",
            ["事项数"] = N(own.Items),
            ["已办结"] = N(own.ItemsClosed),
            ["已反馈"] = N(own.ItemsReported),
            ["办理中"] = N(own[SummaryFigure.ItemsInProgress] + own[SummaryFigure.ItemsAcknowledged]),
            ["未签收"] = N(own[SummaryFigure.ItemsPending]),
            ["逾期"] = N(own.ItemsOverdue),
            ["按时率"] = (score.OnTimeShare * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%",
            ["得分"] = score.Score.ToString("0.00", CultureInfo.InvariantCulture),
            ["下级机构数"] = N(Math.Max(0, subtree.Bodies - 1)),
            ["下级事项数"] = N(subtree.Items),
            ["下级已办结"] = N(subtree.ItemsClosed),
            ["下级逾期"] = N(subtree.ItemsOverdue),
            ["下级得分"] = AssessmentScore.Of(subtree).Score.ToString("0.00", CultureInfo.InvariantCulture),
        };

        var chapters = new List<ReportChapter>();
        var headings = PlanStructure.Headings([.. sheet.Items.Select(i => i.Depth)]);
        string heading = "其他工作";
        List<string> done = [], open = [], late = [];
        void Close()
        {
            if (done.Count + open.Count + late.Count > 0)
            {
                chapters.Add(new ReportChapter(heading, done, open, late));
            }

            done = [];
            open = [];
            late = [];
        }

        for (var i = 0; i < sheet.Items.Count; i++)
        {
            var item = sheet.Items[i];
            if (headings[i])
            {
                // A chapter (一、) opens a section of the report; a sub-section heading inside it is structure only.
                if (item.Depth <= 1)
                {
                    Close();
                    heading = item.Heading;
                }

                continue;
            }

            if (!rows.TryGetValue(item.ItemId, out var row))
            {
                continue;
            }

            var p = progress.ProgressOf(item.ItemId);
            var itemValues = new Dictionary<string, string>(values, StringComparer.Ordinal)
            {
                ["事项"] = item.Heading,
                ["时限"] = item.DeadlineText.Length > 0 ? item.DeadlineText : row.Deadline is { } d ? $"{d.Year}年{d.Month}月{d.Day}日" : "无明确时限",
                ["逾期工作日"] = N(row.OverdueWorkingDays),
                ["情况"] = Situation(p),
                ["印证资料"] = p.Evidence.IsEmpty ? "" : $"（印证资料：{string.Join("；", p.Evidence)}）",
                ["原因"] = p.ReturnReason is { } r ? $"上级退回：{r}" : p.Note is { Length: > 0 } note ? note : template.NoReason,
            };
            if (row.Light == ProgressLight.Red)
            {
                late.Add(ReportTemplate.Fill(template.LateItem, itemValues));
            }
            else if (row.Status is ItemStatus.Reported or ItemStatus.Closed)
            {
                done.Add(ReportTemplate.Fill(template.DoneItem, itemValues));
            }
            else
            {
                open.Add(ReportTemplate.Fill(template.OpenItem, itemValues));
            }
        }

        Close();
        return new AnnualReport(
            ReportTemplate.Fill(template.Title, values),
            ReportTemplate.Fill(template.SectionHeading, values),
            ReportTemplate.Fill(template.Intro, values),
            subtree.Bodies > 1 ? ReportTemplate.Fill(template.RollUp, values) : null,
            chapters,
            ReportTemplate.Fill(template.Closing, values),
            day);
    }

    private static string Situation(ItemProgress p) => p.Status switch
    {
        ItemStatus.Closed => p.Note is { Length: > 0 } n ? n : "已办结",
        ItemStatus.Reported => p.Note is { Length: > 0 } n ? n + "（已反馈，待上级复核）" : "已反馈，待上级复核",
        ItemStatus.InProgress => (p.Note is { Length: > 0 } n ? n : "正在办理") + (p.Percent is { } pct ? $"，完成约{pct}%" : ""),
        ItemStatus.Acknowledged => "已签收，尚未开始办理",
        _ => "尚未签收",
    };

    private static string N(long value) => value.ToString(CultureInfo.InvariantCulture);
}
