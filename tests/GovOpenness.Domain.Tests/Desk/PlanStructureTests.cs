using GovOpenness.Domain.Calendar;
using GovOpenness.Domain.Desk;
using GovOpenness.Domain.Hierarchy;
using GovOpenness.Domain.Plans;
using GovOpenness.Domain.Progress;
using GovOpenness.Domain.Tests.Parsing;

namespace GovOpenness.Domain.Tests.Desk;

/// <summary>
/// Headings are structure at every depth: 山西省's 2021 plan (003: 一、 / （一） / 1.) counts its leaves as
/// tasks, not the （一） headings above 1. 2. 3., in the 台账, 回头看 and the annual report alike.
/// </summary>
public class PlanStructureTests
{
    private static readonly WorkingDayCalendar Calendar = WorkingDayCalendar.China;
    private static readonly PlanDocument Plan2021 = Seeds.Parse("003");

    /// <summary>The leaves counted from the ids alone: an entry is a task when no other entry's id extends it.</summary>
    private static List<string> Leaves(PlanDocument plan) =>
        [.. plan.Items.Where(i => !plan.Items.Any(o => o.Id.StartsWith(i.Id + ".", StringComparison.Ordinal))).Select(i => i.Id)];

    /// <summary>A record as one derived before the rule: a target for every entry, headings included.</summary>
    private static BodySheet Sheet(PlanDocument plan)
    {
        var body = new Body("14", "山西省", "cn", BodyLevel.Province);
        var progress = new BodyProgress("14", plan.Year, "cn").WithTargets(plan.Items.Select(i => new ItemTarget(i.Id, new DateOnly(2021, 6, 30))));
        return new BodySheet(body, [new Body("cn", "国务院", null, BodyLevel.Nation), body], progress,
            [.. plan.Items.Select(i => new LedgerItem(i.Id, i.Heading, "", i.Units, i.Depth))]);
    }

    [Fact]
    public void An_entry_with_deeper_entries_under_it_is_a_heading_at_any_depth()
    {
        Assert.Equal([true, true, false, false, false, true, false, false], PlanStructure.Headings([1, 2, 3, 3, 2, 1, 2, 1]));
        Assert.Equal([false, false], PlanStructure.Headings([1, 1]));
        Assert.Equal(PlanStructure.Headings([1, 2, 3, 2]), PlanStructure.Chapters([1, 2, 3, 2]));
    }

    [Fact]
    public void The_2021_plan_counts_its_leaves_as_tasks()
    {
        var headings = PlanStructure.Headings([.. Plan2021.Items.Select(i => i.Depth)]);
        var tasks = Plan2021.Items.Where((_, i) => !headings[i]).Select(i => i.Id).ToList();

        Assert.Equal(Leaves(Plan2021), tasks);
        Assert.Equal(25, PlanStructure.TaskCount([.. Plan2021.Items.Select(i => i.Depth)]));
        Assert.DoesNotContain("1.1", tasks); // （一）加强转型发展政策主动公开, above 1.1.1 … 1.1.4
        Assert.DoesNotContain("2.2", tasks);
        Assert.Contains("1.3", tasks); // （三） with its own text and nothing under it
        Assert.Contains("5", tasks); // 五、 with nothing under it
    }

    [Fact]
    public void The_progress_targets_of_the_2021_plan_are_its_leaves()
    {
        Assert.Equal(Leaves(Plan2021), ItemTarget.FromItems(Plan2021.Items).Select(t => t.ItemId).ToList());
    }

    [Fact]
    public void The_ledger_lists_only_the_2021_tasks_even_from_a_record_with_heading_targets()
    {
        var rows = LedgerRow.Of(Sheet(Plan2021), new DateOnly(2021, 12, 31), Calendar).Select(r => r.ItemId).ToList();

        Assert.Equal(Leaves(Plan2021), rows);
    }

    [Fact]
    public void Look_back_never_counts_a_2021_heading_as_unclosed()
    {
        var later = Seeds.Parse("001");
        var compared = YearOverYear.Of("14", Plan2021, later, Sheet(Plan2021).Progress);

        Assert.Equal(Leaves(Plan2021), compared.NeverClosed.Select(i => i.ItemId).ToList());
    }

    [Fact]
    public void The_annual_report_groups_by_chapter_and_lists_no_sub_section_heading_as_a_task()
    {
        var sheet = Sheet(Plan2021);
        var report = AnnualReport.Of(sheet, SummaryCounts.Zero, new DateOnly(2021, 12, 31), Calendar, ReportTemplate.Default);

        Assert.Equal(["扩大公开范围,打造阳光政府", "优化便民举措,提升公开质效", "抓好平台建设,拓宽公开渠道", "完善体制机制,健全保障体系", "加强队伍建设,提升专业水准"],
            report.Chapters.Select(c => c.Heading).ToList());
        var lines = report.Chapters.SelectMany(c => c.Done.Concat(c.Open).Concat(c.Late)).ToList();
        Assert.Equal(25, lines.Count);
        Assert.DoesNotContain(lines, l => l.Contains("加强转型发展政策主动公开", StringComparison.Ordinal));
    }
}
