using GovOpenness.Domain.Plans;

namespace GovOpenness.Domain.Tests.Parsing;

/// <summary>003: 山西省人民政府办公厅 2021, three levels (一、 / (一) / 1.) and a section without items.</summary>
public class Seed003ParseTests
{
    private readonly PlanDocument plan = Seeds.Parse("003");

    [Fact]
    public void Metadata_reads_a_date_written_with_blanks()
    {
        Assert.Equal("山西省2021年政务公开工作要点", plan.Title);
        Assert.Equal("山西省人民政府办公厅", plan.Issuer);
        Assert.Equal("晋政办发〔2021〕43号", plan.DocNumber);
        Assert.Equal(new DateOnly(2021, 5, 12), plan.IssueDate);
        Assert.Equal(2021, plan.Year);
    }

    [Fact]
    public void Six_sections_hold_seventeen_items_and_ten_sub_items()
    {
        PlanAssert.Counts(plan, sections: 6, items: 27);
        Assert.Equal(17, plan.Items.Count(i => i.Depth == 2));
        Assert.Equal(10, plan.Items.Count(i => i.Depth == 3));
        Assert.Equal(["二", "（二）", "3"], plan.Items.Single(i => i.Id == "2.2.3").Path);
    }

    [Fact]
    public void Every_item_has_its_heading_and_none_names_units()
    {
        PlanAssert.Items(plan,
            ("1", "扩大公开范围,打造阳光政府", []),
            ("1.1", "加强转型发展政策主动公开", []),
            ("1.1.1", "围绕省委、省政府关于我省转型发展的战略部署…", []),
            ("1.1.2", "推进“十四五”规划及实施措施、支持政策公开", []),
            ("1.1.3", "加强法治政府建设、“放管服效”改革、优化营商环境等政策主动公开", []),
            ("1.1.4", "做好财政信息公开", []),
            ("1.2", "进一步规范拟发公文公开属性认定", []),
            ("1.2.1", "法定主动公开内容除依法涉密之外,必须全部公开到位", []),
            ("1.2.2", "严控依申请公开、不予公开属性的滥用", []),
            ("1.2.3", "内容具有普遍指导意义和作用…", []),
            ("1.3", "拓展基层政务公开标准化规范化领域", []),
            ("2", "优化便民举措,提升公开质效", []),
            ("2.1", "提升依申请公开答复办理质量", []),
            ("2.2", "加强政策多样化解读", []),
            ("2.2.1", "提升解读质量", []),
            ("2.2.2", "拓宽解读发布渠道", []),
            ("2.2.3", "加强政策咨询服务", []),
            ("2.3", "加强对公众关切问题的互动回应", []),
            ("2.4", "抓好基层政务公开标准目录的落实", []),
            ("2.5", "持续做好疫情常态化防控措施公开", []),
            ("3", "抓好平台建设,拓宽公开渠道", []),
            ("3.1", "持续抓好政府网站及政务新媒体建设", []),
            ("3.2", "创新公报工作机制,提升服务效果", []),
            ("3.3", "开设政务公开专区", []),
            ("4", "完善体制机制,健全保障体系", []),
            ("4.1", "启用“政府信息公开专用章”", []),
            ("4.2", "完善依申请公开办理机制", []),
            ("4.3", "完善政府信息公开审核机制", []),
            ("5", "实施政务公开“亮点工程”", []),
            ("6", "加强队伍建设,提升专业水准", []),
            ("6.1", "强化机构职能", []),
            ("6.2", "充实人员队伍", []),
            ("6.3", "抓好培训考核", []));
    }

    [Fact]
    public void Every_deadline_is_read_with_its_item_including_the_section_without_items()
    {
        PlanAssert.Deadlines(plan,
            ("2.2.1", "从2021年起", DeadlineKind.From, "2021-01-01"),
            ("3.1", "2021年年底", DeadlineKind.By, "2021-12-31"),
            ("3.1", "2021年年底", DeadlineKind.By, "2021-12-31"),
            ("3.3", "2021年年底", DeadlineKind.By, "2021-12-31"),
            ("3.3", "从2022年起", DeadlineKind.From, "2022-01-01"),
            ("3.3", "到2025年", DeadlineKind.Target, "2025-12-31"),
            ("5", "2021年—2023年", DeadlineKind.Target, "2023-12-31"),
            ("6.1", "年内", DeadlineKind.By, "2021-12-31"));
    }

    [Fact]
    public void A_section_without_items_keeps_its_own_text_and_sections_with_items_keep_none()
    {
        Assert.StartsWith("2021年—2023年,在全省实施政务公开“亮点工程”", plan.Items.Single(i => i.Id == "5").Text);
        Assert.Equal("", plan.Items.Single(i => i.Id == "1").Text);
        Assert.Equal("", plan.Items.Single(i => i.Id == "1.1").Text);
    }
}
