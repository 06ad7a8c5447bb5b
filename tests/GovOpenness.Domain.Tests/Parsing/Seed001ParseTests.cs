using GovOpenness.Domain.Plans;

namespace GovOpenness.Domain.Tests.Parsing;

/// <summary>001: 山西省人民政府办公厅 2022, a PDF copy: full-width digits, half-width brackets, page numbers, lines broken every ~30 characters.</summary>
public class Seed001ParseTests
{
    private readonly PlanDocument plan = Seeds.Parse("001");

    [Fact]
    public void Metadata_reads_the_full_width_date_under_the_office_not_the_printing_date()
    {
        Assert.Equal("山西省２０２２年政务公开工作要点", plan.Title);
        Assert.Equal("山西省人民政府办公厅", plan.Issuer);
        Assert.Equal("晋政办发〔2022〕38号", plan.DocNumber);
        Assert.Equal(new DateOnly(2022, 4, 26), plan.IssueDate);
        Assert.Equal(2022, plan.Year);
    }

    [Fact]
    public void Six_sections_hold_twenty_two_items()
    {
        PlanAssert.Counts(plan, sections: 6, items: 22);
        Assert.Equal(["四", "（四）"], plan.Items.Single(i => i.Id == "4.4").Path);
    }

    [Fact]
    public void Every_item_has_its_title_line_as_heading_and_no_units()
    {
        PlanAssert.Items(plan,
            ("1", "坚持公开就是承诺,以公开促落实", []),
            ("1.1", "以权威发布促落实", []),
            ("1.2", "以精准解读促落实", []),
            ("1.3", "以强化考核促落实", []),
            ("1.4", "以全过程公开促落实", []),
            ("2", "坚持公开就是边界,以公开促法治", []),
            ("2.1", "以行政执法公开促法治", []),
            ("2.2", "以市场监管公开促法治", []),
            ("2.3", "以个人信息保护促法治", []),
            ("3", "坚持公开就是监督,以公开促服务", []),
            ("3.1", "以政务服务公开促服务", []),
            ("3.2", "以公共信息公开促服务", []),
            ("3.3", "以线下公开促服务", []),
            ("4", "坚持公开就是晒权,以公开促廉政", []),
            ("4.1", "以权责清单和各类告知、承诺、服务清单公开促廉政", []),
            ("4.2", "以重大建设项目信息公开促廉政", []),
            ("4.3", "以财政信息及公共资源交易信息公开促廉政", []),
            ("4.4", "以反垄断信息公开促廉政", []),
            ("4.5", "以各类奖励、补贴、优惠等信息公开促廉政", []),
            ("5", "坚持公开就是基础,以公开促规范", []),
            ("5.1", "以优化发文流程促规范", []),
            ("5.2", "以优化依申请公开答复办理流程促规范", []),
            ("5.3", "以优化政务公开平台建设促规范", []),
            ("5.4", "以优化基层政务公开“两化”工作促规范", []),
            ("6", "保障措施", []),
            ("6.1", "坚持效果导向,强化正向激励", []),
            ("6.2", "务实高效开展第三方评估、社会评议", []),
            ("6.3", "加强组织领导,落实保障措施", []));
    }

    [Fact]
    public void Every_deadline_is_read_with_its_item_including_one_split_by_a_line_break()
    {
        PlanAssert.Deadlines(plan,
            ("2.1", "２０２２年１１月底前", DeadlineKind.By, "2022-11-30"),
            ("2.1", "１１月底前", DeadlineKind.By, "2022-11-30"),
            ("2.2", "每年３月底前", DeadlineKind.Recurring, "2022-03-31"),
            ("3.1", "１１月底前", DeadlineKind.By, "2022-11-30"),
            ("3.1", "年内", DeadlineKind.By, "2022-12-31"),
            ("3.1", "从１０月起", DeadlineKind.From, "2022-10-01"),
            ("3.2", "２０２２年８月底前", DeadlineKind.By, "2022-08-31"),
            ("3.2", "９月底前", DeadlineKind.By, "2022-09-30"),
            ("4.3", "年底前", DeadlineKind.By, "2022-12-31"),
            ("4.3", "年底前", DeadlineKind.By, "2022-12-31"),
            ("5.3", "１１月底前", DeadlineKind.By, "2022-11-30"),
            ("6.2", "年内", DeadlineKind.By, "2022-12-31"),
            ("6.3", "年内", DeadlineKind.By, "2022-12-31"));
    }

    [Fact]
    public void Page_numbers_footers_and_the_closing_note_are_no_part_of_any_item()
    {
        Assert.Empty(plan.Warnings);
        Assert.All(plan.Items, i => Assert.DoesNotContain("—", i.Text));
        Assert.All(plan.Items, i => Assert.DoesNotContain("抄送", i.Text));
        Assert.EndsWith("接受社会监督.", plan.Items[^1].Text);
        Assert.Contains("应确保在政府网站首发.不得以新闻报道", plan.Items.Single(i => i.Id == "1.1").Text);
        Assert.Contains("持续推进高质量政务公开.", plan.Items.Single(i => i.Id == "6.1").Text);
    }
}
