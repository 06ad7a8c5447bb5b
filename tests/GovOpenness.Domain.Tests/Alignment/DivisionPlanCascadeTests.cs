using GovOpenness.Domain.Alignment;
using GovOpenness.Domain.Localization;
using GovOpenness.Domain.Parsing;
using GovOpenness.Domain.Plans;

namespace GovOpenness.Domain.Tests.Alignment;

/// <summary>Importing a province's 分工方案: each named department gets exactly the items it leads or cooperates on.</summary>
public class DivisionPlanCascadeTests
{
    private const string ProvincePlan = """
        山西省2022年政务公开工作要点

        一、助力经济平稳健康发展
        （一）加强涉企政策公开。在政府网站集中发布惠企政策，做好政策解读和精准推送。
        （二）做好生态环境信息公开。及时公开环境质量、污染源监管和突发环境事件信息。
        二、夯实政务公开工作基础
        （一）做好政府信息公开工作年度报告。规范编制发布年度报告，确保数据准确。
        """;

    private const string DivisionPlan = """
        山西省2022年政务公开工作要点分工方案

        | 序号 | 工作任务 | 牵头单位 | 配合单位 | 完成时限 |
        | 1 | 加强涉企政策公开，在政府网站集中发布惠企政策，做好政策解读和精准推送。 | 省发展改革委 | 省商务厅 | 6月底前 |
        | 2 | 做好生态环境信息公开，及时公开环境质量、污染源监管和突发环境事件信息。 | 省生态环境厅 | 各市政府 | 持续推进 |
        | 3 | 做好政府信息公开工作年度报告，规范编制发布年度报告，确保数据准确。 | 省政府办公厅 | 省商务厅、统计局 | 年底前 |
        """;

    private static readonly DivisionDepartment Sthj = new("14.sthj", "山西省生态环境厅");
    private static readonly DivisionDepartment Swt = new("14.swt", "山西省商务厅");
    private static readonly DivisionDepartment Fgw = new("14.fgw", "山西省发展和改革委员会");

    private static DivisionResult Split()
    {
        var province = PublishedPlan.FromDocument("14", PlanParser.Parse(ProvincePlan));
        var division = PlanParser.Parse(DivisionPlan);
        Assert.Equal(PlanKind.TaskTable, division.Kind);
        return DivisionPlanCascade.Split(province, division, [Sthj, Swt, Fgw]);
    }

    [Fact]
    public void Each_named_department_keeps_exactly_the_items_it_leads_or_cooperates_on()
    {
        var result = Split();

        var sthj = result.Shares.Single(s => s.Department == Sthj);
        Assert.Equal(["1.2"], sthj.Leads);
        Assert.Empty(sthj.Cooperates);
        Assert.Equal(["1.1", "2.1"], sthj.Localization.Changes.OfType<Drop>().Select(d => d.ItemId).Order());

        var swt = result.Shares.Single(s => s.Department == Swt);
        Assert.Empty(swt.Leads);
        Assert.Equal(["1.1", "2.1"], swt.Cooperates);
        Assert.Equal(["1.2"], swt.Localization.Changes.OfType<Drop>().Select(d => d.ItemId));
    }

    [Fact]
    public void The_tables_units_and_dates_are_recorded_against_the_provinces_items()
    {
        var swt = Split().Shares.Single(s => s.Department == Swt);

        Assert.Equal("14", swt.Localization.ParentBodyId);
        var units = swt.Localization.Changes.OfType<SetUnits>().Single(c => c.ItemId == "1.1");
        Assert.Equal(["省发展改革委", "省商务厅"], units.Units.ToArray());
        var date = swt.Localization.Changes.OfType<TightenDeadline>().Single(c => c.ItemId == "1.1");
        Assert.Equal(new DateOnly(2022, 6, 30), date.NewDate);
        Assert.Equal(new DateOnly(2022, 12, 31), swt.Localization.Changes.OfType<TightenDeadline>().Single(c => c.ItemId == "2.1").NewDate);
    }

    [Fact]
    public void Names_that_match_no_single_department_are_listed_not_guessed()
    {
        var result = Split();

        // 省发展改革委 is not how 山西省发展和改革委员会 is named; 省统计局 (written "统计局" after "省商务厅、") and 省政府办公厅 have no body here.
        Assert.Equal(["省发展改革委", "省政府办公厅", "省统计局"], result.Unmatched);
        Assert.Equal(["各市政府"], result.Collective);
        Assert.DoesNotContain(result.Shares, s => s.Department == Fgw);
        Assert.Empty(result.UnpairedRows);
    }
}
