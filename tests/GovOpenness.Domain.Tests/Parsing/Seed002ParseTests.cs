using GovOpenness.Domain.Plans;

namespace GovOpenness.Domain.Tests.Parsing;

/// <summary>002: 孝义市人民政府办公室, a county plan with "（责任单位：…）" on every task and an attached catalogue.</summary>
public class Seed002ParseTests
{
    private static readonly string[] CityWide = ["市直各部门", "各乡镇人民政府", "街道办事处"];

    private readonly PlanDocument plan = Seeds.Parse("002");

    [Fact]
    public void Metadata_is_read_and_the_document_number_loses_its_blanks()
    {
        Assert.Equal("孝义市2022年政务公开工作要点", plan.Title);
        Assert.Equal("孝义市人民政府办公室", plan.Issuer);
        Assert.Equal("孝政办发〔2022〕24号", plan.DocNumber);
        Assert.Equal(new DateOnly(2022, 7, 14), plan.IssueDate);
        Assert.Equal(2022, plan.Year);
    }

    [Fact]
    public void Four_sections_hold_twenty_one_items_and_the_attached_catalogue_adds_none()
    {
        PlanAssert.Counts(plan, sections: 4, items: 21);
        Assert.DoesNotContain(plan.Items, i => i.Text.Contains("教育领域需公开事项", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_item_has_its_heading_and_its_responsible_units()
    {
        PlanAssert.Items(plan,
            ("1", "强化重点领域政务公开", []),
            ("1.1", "做好重大建设项目信息公开", ["市行政审批局", "市自然资源局", "市城管局", "市卫健局", "市棚改中心", "市项目推进中心", "崇文街道", "振兴街道"]),
            ("1.2", "做好市场监管信息公开", ["市场监管局"]),
            ("1.3", "做好行政执法信息公开", ["市司法局"]),
            ("1.4", "做好道路交管信息公开", ["市公安局"]),
            ("1.5", "做好公共资源交易信息公开", ["市行政审批局"]),
            ("1.6", "做好教育领域信息公开", ["市教科局"]),
            ("1.7", "做好财政信息公开", ["市财政局"]),
            ("1.8", "做好疫情防控信息公开", ["市卫健局", "各乡镇人民政府", "街道办事处"]),
            ("1.9", "做好政务服务信息公开", ["市行政审批局", "各乡镇人民政府", "街道办事处"]),
            ("2", "优化政务公开基础工作", []),
            ("2.1", "优化发文流程", CityWide),
            ("2.2", "拓宽政策咨询解读渠道", CityWide),
            ("2.3", "提升依申请公开办理水平", CityWide),
            ("2.4", "强化政务公开专区建设", ["市行政审批局"]),
            ("2.5", "优化政务公开平台建设", CityWide),
            ("2.6", "加强个人信息保护", CityWide),
            ("3", "深化基层政务公开标准化规范化", []),
            ("3.1", "建立公开事项标准目录动态调整机制", ["市行政审批局"]),
            ("3.2", "加快推进公共企事业单位信息公开", ["市教科局", "卫健局", "人社局", "民政局", "城管局", "能源局", "生态环境分局", "交通运输局"]),
            ("3.3", "深入推进基层政务公开向农村和社区延伸", CityWide),
            ("4", "强化工作保障和监督考核", []),
            ("4.1", "提高思想认识", []),
            ("4.2", "落实主体责任", []),
            ("4.3", "抓好工作落实", []));
    }

    [Fact]
    public void Every_deadline_is_read_with_its_item()
    {
        PlanAssert.Deadlines(plan,
            ("1.1", "7 月底前", DeadlineKind.By, "2022-07-31"),
            ("1.2", "每年3月底前", DeadlineKind.Recurring, "2022-03-31"),
            ("1.3", "7月底前", DeadlineKind.By, "2022-07-31"),
            ("1.4", "7月底前", DeadlineKind.By, "2022-07-31"),
            ("1.5", "于6月起", DeadlineKind.From, "2022-06-01"),
            ("1.6", "9月底前", DeadlineKind.By, "2022-09-30"),
            ("1.9", "从8月起", DeadlineKind.From, "2022-08-01"),
            ("3.1", "7月底前", DeadlineKind.By, "2022-07-31"),
            ("3.2", "7月底前", DeadlineKind.By, "2022-07-31"),
            ("3.3", "年底前", DeadlineKind.By, "2022-12-31"),
            ("4.2", "8月底前", DeadlineKind.By, "2022-08-31"));
    }

    [Fact]
    public void Inline_headings_end_at_the_first_full_stop_and_the_text_keeps_them()
    {
        var item = plan.Items.Single(i => i.Id == "4.1");
        Assert.StartsWith("提高思想认识。各级各部门要高度重视", item.Text);
        Assert.EndsWith("接受社会监督。", plan.Items[^1].Text);
        Assert.Equal(["4.1", "4.2", "4.3"], plan.Warnings.Where(w => w.Code == "missing-units").Select(w => w.ItemId));
    }
}
