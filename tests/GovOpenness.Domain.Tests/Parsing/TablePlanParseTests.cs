using GovOpenness.Domain.Parsing;
using GovOpenness.Domain.Plans;

namespace GovOpenness.Domain.Tests.Parsing;

/// <summary>
/// Plans issued as a table outright (工作任务 / 具体要求 / 责任单位 / 时限要求), flattened to text the three
/// ways copies come: markdown bars, tabs, runs of blanks. The documents are in Parsing/Documents.
/// </summary>
public class TablePlanParseTests
{
    [Fact]
    public void A_bar_table_plan_takes_sections_from_its_section_rows_and_items_from_its_rows()
    {
        var plan = PlanParser.Parse(Seeds.Document("table-plan-pipe.txt"));

        Assert.Equal("东岭县2023年政务公开重点任务分工方案", plan.Title);
        Assert.Equal("东岭县人民政府办公室", plan.Issuer);
        Assert.Equal("东政办发〔2023〕12号", plan.DocNumber);
        Assert.Equal(new DateOnly(2023, 5, 8), plan.IssueDate);
        Assert.Equal(2023, plan.Year);
        PlanAssert.Counts(plan, sections: 2, items: 5);
        PlanAssert.Items(plan,
            ("1", "以公开促进经济平稳运行", []),
            ("1.1", "做好财政预决算公开", ["县财政局"]),
            ("1.2", "推进重大建设项目信息公开", ["县发改局", "县住建局"]),
            ("2", "以公开助力优化营商环境", []),
            ("2.1", "公开行政许可事项清单", ["县行政审批局", "县直有关部门"]),
            ("2.2", "做好惠企政策集中公开", ["县工信局"]),
            ("2.3", "规范依申请公开办理", ["县政府办公室"]));
        Assert.Equal(["二", "3"], plan.Items.Single(i => i.Id == "2.1").Path);
    }

    [Fact]
    public void A_bar_table_plans_time_limits_and_wrapped_cells_are_read()
    {
        var plan = PlanParser.Parse(Seeds.Document("table-plan-pipe.txt"));

        PlanAssert.Deadlines(plan,
            ("1.1", "2023年6月底前", DeadlineKind.By, "2023-06-30"),
            ("1.2", "持续推进", DeadlineKind.Ongoing, ""),
            ("2.1", "9月底前", DeadlineKind.By, "2023-09-30"),
            ("2.2", "12月底前", DeadlineKind.By, "2023-12-31"),
            ("2.3", "20个工作日内", DeadlineKind.WorkingDays, "20"),
            ("2.3", "长期坚持", DeadlineKind.Ongoing, ""));
        Assert.Equal("集中公开重大建设项目批准和实施领域信息，并动态更新项目进展。", plan.Items.Single(i => i.Id == "1.2").Text);
        Assert.All(plan.Items, i => Assert.DoesNotContain("抄送", i.Text));
    }

    [Fact]
    public void A_tab_table_plan_groups_rows_by_its_category_column_and_reads_the_signature_after_it()
    {
        var plan = PlanParser.Parse(Seeds.Document("table-plan-tabs.txt"));

        Assert.Equal("西川市2024年政务公开工作要点任务分解表", plan.Title);
        Assert.Equal("西川市人民政府办公室", plan.Issuer);
        Assert.Equal(new DateOnly(2024, 4, 2), plan.IssueDate);
        Assert.Equal(2024, plan.Year);
        PlanAssert.Items(plan,
            ("1", "重点领域信息公开", []),
            ("1.1", "财政信息公开", ["市财政局", "市直各部门"]),
            ("1.2", "公共资源配置信息公开", ["市公共资源交易中心"]),
            ("2", "政务公开平台建设", []),
            ("2.1", "政府网站集约化", ["市政府办公室", "市大数据局"]),
            ("2.2", "政务新媒体管理", ["市政府办公室", "各县区人民政府"]));
        PlanAssert.Deadlines(plan,
            ("1.1", "2024年3月底前", DeadlineKind.By, "2024-03-31"),
            ("1.2", "持续推进", DeadlineKind.Ongoing, ""),
            ("2.1", "第三季度", DeadlineKind.By, "2024-09-30"),
            ("2.2", "上半年", DeadlineKind.By, "2024-06-30"));
        Assert.Equal("定期开展政务新媒体检查，检查结果向社会公开。", plan.Items[^1].Text);
        Assert.Contains(plan.Warnings, w => w is { Code: "deadline-passed", ItemId: "1.1" });
    }

    [Fact]
    public void A_table_split_by_blanks_without_sections_gives_top_level_items_numbered_by_its_rows()
    {
        var plan = PlanParser.Parse(Seeds.Document("table-plan-spaces.txt"));

        Assert.Equal("南湖区政务公开工作要点（2023年）", plan.Title);
        Assert.Null(plan.IssueDate);
        Assert.Equal(2023, plan.Year);
        PlanAssert.Items(plan,
            ("1", "主动公开政策文件", ["区司法局"]),
            ("2", "做好政策解读", ["区政府办公室"]));
        Assert.Equal(["2"], plan.Items[1].Path);
        PlanAssert.Deadlines(plan,
            ("1", "6月底前", DeadlineKind.By, "2023-06-30"),
            ("2", "长期坚持", DeadlineKind.Ongoing, ""));
    }

    [Fact]
    public void A_one_cell_per_line_table_read_alone_is_a_plan_of_its_rows()
    {
        // 004's 附件2 (from its title to the end) as a document of its own: 33 rows, one cell per line.
        var lines = Seeds.Text("004").Split('\n');
        var plan = PlanParser.Parse(string.Join('\n', lines[41..]));

        Assert.Equal("省生态环境厅2022年政务公开重点任务分工", plan.Title);
        Assert.Equal(Enumerable.Range(1, 33).Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture)), plan.Items.Select(i => i.Id));
        Assert.Equal(["监测处", "监测中心", "大气处", "核管局", "核管中心", "自然处"], plan.Items[7].Units);
        Assert.Equal(["水处", "大气处", "土壤处", "固体处", "固管中心"], plan.Items[8].Units);
        Assert.StartsWith("发布建设用地土壤污染风险管控和修复名录", plan.Items[9].Heading, StringComparison.Ordinal);
        PlanAssert.Deadlines(plan,
            ("12", "2022年底前", DeadlineKind.By, "2022-12-31"),
            ("29", "2022年底前", DeadlineKind.By, "2022-12-31"));
    }

    [Fact]
    public void A_division_table_row_that_restates_no_item_is_a_warning_naming_its_line()
    {
        const string text = """
            某局2023年政务公开工作要点

            一、加强信息公开
            （一）做好财政信息公开。全面公开部门预算和决算。
            （二）做好政策解读。重要政策文件同步发布解读材料。

            附件
            序号	公开内容	牵头部门
            1	全面公开部门预算和决算	财务处
            2	组织开展无人机航拍比赛活动	宣传处
            """;

        var plan = PlanParser.Parse(text);

        Assert.Equal(["财务处"], plan.Items.Single(i => i.Id == "1.1").Units);
        var warning = Assert.Single(plan.Warnings, w => w.Code == "table-row-unmatched");
        Assert.Equal(10, warning.Line);
        Assert.Contains("无人机航拍", warning.Message);
    }
}
