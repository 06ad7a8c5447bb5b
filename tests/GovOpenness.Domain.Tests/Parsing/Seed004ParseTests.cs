using GovOpenness.Domain.Plans;

namespace GovOpenness.Domain.Tests.Parsing;

/// <summary>
/// 004: 江苏省生态环境厅, no document number, inline headings, and a 33-row task-division table (附件2,
/// one cell per line) whose lead units belong to the items the rows restate.
/// </summary>
public class Seed004ParseTests
{
    private static readonly string[] AllOffices = ["各处室（局）", "直属单位"];

    private readonly PlanDocument plan = Seeds.Parse("004");

    [Fact]
    public void Metadata_has_no_document_number_and_the_title_is_attachment_1s()
    {
        Assert.Equal("省生态环境厅2022年政务公开工作要点", plan.Title);
        Assert.Equal("江苏省生态环境厅", plan.Issuer);
        Assert.Null(plan.DocNumber);
        Assert.Equal(new DateOnly(2022, 8, 18), plan.IssueDate);
        Assert.Equal(2022, plan.Year);
    }

    [Fact]
    public void Four_sections_hold_fourteen_items_and_the_notices_attachment_list_adds_none()
    {
        PlanAssert.Counts(plan, sections: 4, items: 14);
        Assert.Equal(21, plan.Items[0].Line);
    }

    [Fact]
    public void Every_item_gets_the_lead_units_of_the_table_rows_that_restate_it()
    {
        PlanAssert.Items(plan,
            ("1", "强化重点生态环境信息公开", []),
            ("1.1", "生态环境质量信息", ["监测处", "监测中心", "大气处", "水处", "海洋处", "核管局", "核管中心", "自然处"]),
            ("1.2", "污染防治信息", ["水处", "大气处", "土壤处", "固体处", "固管中心", "法规科技处", "办公室", "综合处"]),
            ("1.3", "生态环境监管信息", ["综合处", "法规科技处", "环评处", "监测处", "监测中心", "执法监督局", "自然处", "应急中心", "核管局", "核管中心", "财审处"]),
            ("1.4", "生态环境保护督察信息", ["监察处"]),
            ("1.5", "行政审批信息", ["人事处", "环评处", "核管局", "固体处", "固管中心", "海洋处"]),
            ("2", "推进政务公开规范化建设", []),
            ("2.1", "推进基层政务公开", ["办公室"]),
            ("2.2", "严格依申请公开办理", []),
            ("3", "加强政策解读和回应关切", []),
            ("3.1", "加强政策解读", AllOffices),
            ("3.2", "及时回应社会关切", ["宣教中心", "宣教处"]),
            ("3.3", "扩大公众参与", AllOffices),
            ("4", "强化政务公开组织保障", []),
            ("4.1", "加强组织领导", AllOffices),
            ("4.2", "保障网站和政务新媒体安全运行", ["宣教处", "办公室", "宣教中心", "监控中心"]),
            ("4.3", "严格信息公开保密审查", AllOffices),
            ("4.4", "强化考核评估", ["办公室", "监控中心"]));
    }

    [Fact]
    public void Every_deadline_is_read_with_its_item_and_the_notices_reporting_date_is_none()
    {
        PlanAssert.Deadlines(plan,
            ("1.2", "2022年底前", DeadlineKind.By, "2022-12-31"),
            ("4.2", "2022年底前", DeadlineKind.By, "2022-12-31"));
    }

    [Fact]
    public void Every_table_row_matches_an_item_and_only_the_item_no_row_restates_lacks_units()
    {
        Assert.DoesNotContain(plan.Warnings, w => w.Code == "table-row-unmatched");
        Assert.Equal(["2.2"], plan.Warnings.Where(w => w.Code == "missing-units").Select(w => w.ItemId));
    }
}
