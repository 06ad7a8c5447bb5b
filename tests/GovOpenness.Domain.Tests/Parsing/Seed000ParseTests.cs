using GovOpenness.Domain.Plans;

namespace GovOpenness.Domain.Tests.Parsing;

/// <summary>000: 山西省生态环境厅办公室, markdown copy, items （一）…（十六） numbered straight through four sections.</summary>
public class Seed000ParseTests
{
    private static readonly string[] Offices = ["各处室", "单位"];

    private readonly PlanDocument plan = Seeds.Parse("000");

    [Fact]
    public void Metadata_comes_from_the_red_header_the_signature_and_the_split_title()
    {
        Assert.Equal("山西省生态环境厅2022年政务公开工作要点", plan.Title);
        Assert.Equal("山西省生态环境厅办公室", plan.Issuer);
        Assert.Equal("晋环办发〔2022〕35号", plan.DocNumber);
        Assert.Equal(new DateOnly(2022, 9, 5), plan.IssueDate);
        Assert.Equal(2022, plan.Year);
    }

    [Fact]
    public void Five_sections_hold_nineteen_items_whatever_markdown_level_their_headings_carry()
    {
        PlanAssert.Counts(plan, sections: 5, items: 19);
        Assert.Equal(["二", "（九）"], plan.Items.Single(i => i.Id == "2.1").Path);
    }

    [Fact]
    public void Every_item_has_its_bolded_heading_and_the_units_in_brackets()
    {
        PlanAssert.Items(plan,
            ("1", "加强主动公开，推进法治政府建设", []),
            ("1.1", "坚持权威信息首发", Offices),
            ("1.2", "推进企业环境信息依法披露", ["综合处"]),
            ("1.3", "坚持行政执法信息公开", ["执法局", "执法总队"]),
            ("1.4", "严格行政许可信息公开", ["审批处"]),
            ("1.5", "落实市场监管信息公开", ["执法局", "执法总队"]),
            ("1.6", "做好重大建设项目信息公开", ["科财处"]),
            ("1.7", "落实财政信息公开", ["科财处"]),
            ("1.8", "做好个人信息保护", ["审批处", "执法局", "执法总队"]),
            ("2", "优化便民举措，提升公开质效", []),
            ("2.1", "做好线下公开服务", Offices),
            ("2.2", "加强政策多样化解读", Offices),
            ("2.3", "提升依申请公开答复质量", Offices),
            ("2.4", "加强对公众关切问题的互动回应", Offices),
            ("3", "规范拟发文件管理，夯实政务公开基础", []),
            ("3.1", "严格拟发文件公开属性认定", Offices),
            ("3.2", "加强规范性文件发文管理", ["法规处"]),
            ("4", "抓好平台建设，强化主阵地功能", []),
            ("4.1", "强化门户网站的“总入口”地位", ["办公室", "保障中心"]),
            ("4.2", "加强门户网站内容管理", Offices),
            ("5", "有关工作要求", []),
            ("5.1", "压实工作责任", []),
            ("5.2", "抓好工作落实", []),
            ("5.3", "配合完成考核", []));
    }

    [Fact]
    public void Every_deadline_is_read_with_its_item()
    {
        PlanAssert.Deadlines(plan,
            ("1.2", "2022 年 8 月底前", DeadlineKind.By, "2022-08-31"),
            ("1.5", "每年3月底前", DeadlineKind.Recurring, "2022-03-31"),
            ("2.4", "3 个工作日内", DeadlineKind.WorkingDays, "3"),
            ("4.2", "11月底前", DeadlineKind.By, "2022-11-30"));
    }

    [Fact]
    public void The_deadline_already_passed_at_issue_and_the_items_without_units_are_flagged()
    {
        Assert.Contains(plan.Warnings, w => w is { Code: "deadline-passed", ItemId: "1.2" });
        Assert.Equal(["5.1", "5.2", "5.3"], plan.Warnings.Where(w => w.Code == "missing-units").Select(w => w.ItemId));
    }

    [Fact]
    public void Text_joins_lines_broken_inside_a_sentence_and_leaves_the_attachment_line_out()
    {
        var item = plan.Items.Single(i => i.Id == "1.3");
        Assert.Contains("行政处罚的规定必须公布", item.Text);
        Assert.DoesNotContain("附件", plan.Items[^1].Text);
        Assert.StartsWith("坚持权威信息首发。发挥门户网站", plan.Items[1].Text);
    }
}
