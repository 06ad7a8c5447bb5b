using GovOpenness.Domain.Parsing;
using GovOpenness.Domain.Plans;

namespace GovOpenness.Domain.Tests.Parsing;

/// <summary>The genre's variants beyond the five seeds: numbering, brackets, traditional characters, layouts.</summary>
public class VariantParseTests
{
    [Fact]
    public void A_traditional_character_copy_keeps_its_text_as_written_and_is_read_as_simplified()
    {
        var plan = PlanParser.Parse(Seeds.Document("traditional-plan.txt"));

        Assert.Equal("北山市2023年政務公開工作要點", plan.Title);
        Assert.Equal("北山市人民政府辦公室", plan.Issuer);
        Assert.Equal(new DateOnly(2023, 3, 15), plan.IssueDate);
        PlanAssert.Items(plan,
            ("1", "以公開促進穩經濟", []),
            ("1.1", "做好財政信息公開", []),
            ("1.1.1", "全面公開市本級部門預算、決算，６月底前完成", ["市財政局", "市審計局"]),
            ("1.1.2", "加強政府債務信息公開", ["市財政局", "各縣（市、區）人民政府"]),
            ("1.2", "做好重大項目信息公開", ["市發展改革委"]),
            ("2", "持續優化政務公開平台", []),
            ("2.1", "加強政府網站管理，規範內容發布流程，及時更新政務公開專欄，確保網站安全平穩運行並做好網站年度報表發布工作", ["市政府辦公室"]),
            ("2.2", "做好政府公報工作", ["市政府辦公室"]));
        PlanAssert.Deadlines(plan,
            ("1.1.1", "６月底前", DeadlineKind.By, "2023-06-30"),
            ("1.2", "年底前", DeadlineKind.By, "2023-12-31"),
            ("2.2", "從７月起", DeadlineKind.From, "2023-07-01"));
        Assert.All(plan.Items, i => Assert.DoesNotContain("- 3 -", i.Text));
    }

    [Fact]
    public void Arabic_top_level_numbering_nests_bracketed_numbers_and_circled_ones()
    {
        const string text = """
            某县2023年政务公开工作要点
            1.做好财政信息公开。全面公开预决算。
            (1)预算公开。批复后20日内公开。
            ①部门预算。随同公开说明。
            (2)决算公开。
            2、做好政策解读
            重要政策同步解读。
            """;

        var plan = PlanParser.Parse(text);

        Assert.Equal(["1", "1.1", "1.1.1", "1.2", "2"], plan.Items.Select(i => i.Id));
        Assert.Equal(["1", "（1）", "①"], plan.Items[2].Path);
        Assert.Equal(["预算公开", "部门预算", "决算公开", "做好政策解读"], plan.Items.Skip(1).Select(i => i.Heading));
        Assert.Equal("重要政策同步解读。", plan.Items[^1].Text);
    }

    [Fact]
    public void Part_headings_are_the_top_level_and_half_and_full_width_brackets_read_alike()
    {
        const string text = """
            某市2023年政务公开工作要点
            第一部分 总体要求
            (一)提高认识
            （二）压实责任
            第二部分 重点任务
            (一)做好公开
            """;

        var plan = PlanParser.Parse(text);

        Assert.Equal(["1", "1.1", "1.2", "2", "2.1"], plan.Items.Select(i => i.Id));
        Assert.Equal(["第一部分", "（一）"], plan.Items[1].Path);
        Assert.Equal(["第一部分", "（二）"], plan.Items[2].Path);
        Assert.Equal("总体要求", plan.Items[0].Heading);
    }

    [Fact]
    public void A_label_line_cut_at_the_copys_line_width_is_a_paragraph_whose_first_sentence_is_the_heading()
    {
        const string first = "（一）各级行政机关要秉持把政策传达到、讲清楚的宗旨，根据管理或服务对象的不同特点，以非信息化的传统方式和手段，针对特定领域、特定区域、特定人群开展多样化、个性化、精准化政务公开工作。同时做好线下公开。";
        const string second = "（二）县级以上地方政府要按需、务实建设政务公开专区，充分发挥专区实体店场景效应和互动优势，提供亲民便民的查询、解读、咨询、回应服务，把政务公开专区打造成本地区招商引资、利企便民、展示形象的亮丽名片。";
        var text = "某市2023年政务公开工作要点\n\n一、重点任务\n\n" + string.Join("\n\n", Wrap(first, 28).Concat(Wrap(second, 28)));

        var item = PlanParser.Parse(text).Items[1];

        Assert.Equal("各级行政机关要秉持把政策传达到、讲清楚的宗旨，根据管理或服务对象的不同特点，以非信息化的传统方式和手段，针对特定领域、特定区域、特定人群开展多样化、个性化、精准化政务公开工作", item.Heading);
        Assert.Equal(first[3..], item.Text);
    }

    [Fact]
    public void A_short_phrase_before_a_colon_is_the_heading_and_a_chinese_numeral_year_is_read()
    {
        const string text = """
            某县二〇二三年政务公开工作要点
            一、重点任务
            1.财政信息：公开预算、决算。6月底前完成。
            2、政策解读：同步解读
            """;

        var plan = PlanParser.Parse(text);

        Assert.Equal(2023, plan.Year);
        Assert.Equal(["财政信息", "政策解读"], plan.Items.Skip(1).Select(i => i.Heading));
        Assert.Equal("财政信息：公开预算、决算。6月底前完成。", plan.Items[1].Text);
    }

    [Fact]
    public void A_plan_without_a_title_line_takes_the_title_its_covering_notice_names()
    {
        const string text = """
            东山县人民政府办公室关于印发东山县２０２３年政务
            公开工作要点的通知
            各乡镇人民政府：现印发给你们，请认真贯彻落实。
            东山县人民政府办公室
            2023年4月3日
            一、重点任务
            （一）做好公开。全面公开预算。
            """;

        var plan = PlanParser.Parse(text);

        Assert.Equal("东山县２０２３年政务公开工作要点", plan.Title);
        Assert.Equal(2023, plan.Year);
        Assert.Equal(["1", "1.1"], plan.Items.Select(i => i.Id));
    }

    [Fact]
    public void A_notice_with_numbered_requirements_of_its_own_yields_the_plan_attached_below_it()
    {
        const string text = """
            西河区人民政府办公室关于印发西河区2023年政务公开工作要点的通知
            各街道办事处，区直各部门：
            现将有关事项通知如下：
            一、提高认识。各单位要高度重视。
            二、按时报送。请于年底前报送落实情况。
            西河区人民政府办公室
            2023年5月6日
            附件
            西河区2023年政务公开工作要点
            一、重点任务
            （一）做好财政公开。全面公开预算。（责任单位：区财政局）
            （二）做好政策解读。同步解读。（责任单位：区政府办公室）
            二、保障措施
            （一）加强组织领导。
            """;

        var plan = PlanParser.Parse(text);

        Assert.Equal("西河区2023年政务公开工作要点", plan.Title);
        Assert.Equal("西河区人民政府办公室", plan.Issuer);
        Assert.Equal(new DateOnly(2023, 5, 6), plan.IssueDate);
        PlanAssert.Items(plan,
            ("1", "重点任务", []),
            ("1.1", "做好财政公开", ["区财政局"]),
            ("1.2", "做好政策解读", ["区政府办公室"]),
            ("2", "保障措施", []),
            ("2.1", "加强组织领导", []));
    }

    [Fact]
    public void Page_numbers_rules_and_publication_notes_are_dropped_and_the_sentence_rejoined()
    {
        const string text = """
            某市2023年政务公开工作要点
            一、重点任务
            （一）做好公开。各级政府要在政府网站集中

            - 3 -

            第 4 页

            ——

            公开规章。
            （此件公开发布）
            """;

        var item = PlanParser.Parse(text).Items[1];

        Assert.Equal("做好公开。各级政府要在政府网站集中公开规章。", item.Text);
    }

    [Fact]
    public void A_plan_without_a_notice_ends_at_its_signature_and_takes_issuer_and_date_from_it()
    {
        const string text = """
            某县2023年政务公开工作要点
            一、重点任务
            （一）做好公开。全面公开预算。
            某县人民政府办公室
            2023年6月1日
            """;

        var plan = PlanParser.Parse(text);

        Assert.Equal("某县人民政府办公室", plan.Issuer);
        Assert.Equal(new DateOnly(2023, 6, 1), plan.IssueDate);
        Assert.Equal("做好公开。全面公开预算。", plan.Items[^1].Text);
    }

    [Fact]
    public void The_issuer_and_date_may_share_a_line_and_the_document_number_may_use_square_brackets()
    {
        const string text = """
            晋政办发[２０２３]５号
            某市人民政府办公室关于印发工作要点的通知
            各县人民政府：现印发给你们。
            某市人民政府办公室　２０２３年３月１日
            政务公开工作要点
            一、重点任务
            （一）做好公开。全面公开预算。
            """;

        var plan = PlanParser.Parse(text);

        Assert.Equal("晋政办发〔2023〕5号", plan.DocNumber);
        Assert.Equal("某市人民政府办公室", plan.Issuer);
        Assert.Equal(new DateOnly(2023, 3, 1), plan.IssueDate);
        Assert.Equal("政务公开工作要点", plan.Title);
        Assert.Equal(2023, plan.Year);
    }

    [Fact]
    public void Units_are_read_from_lead_and_supporting_wording_and_a_unit_line_of_its_own()
    {
        const string text = """
            某市2023年政务公开工作要点
            一、重点任务
            （一）做好公开。全面公开预算。（牵头单位：市财政局；配合单位：市住房和城乡建设局、市审计局）
            （二）做好解读。同步解读。（市政府办公室牵头，各县区政府配合）
            （三）做好回应。及时回应。
            责任单位：市信访局
            """;

        var plan = PlanParser.Parse(text);

        Assert.Equal(["市财政局", "市住房和城乡建设局", "市审计局"], plan.Items[1].Units);
        Assert.Equal(["市政府办公室", "各县区政府"], plan.Items[2].Units);
        Assert.Equal(["市信访局"], plan.Items[3].Units);
    }

    [Fact]
    public void The_year_comes_from_the_document_number_when_the_title_names_none()
    {
        const string text = """
            某政办发〔2024〕7号
            政务公开工作要点
            一、重点任务
            （一）做好公开。年底前完成。
            """;

        var plan = PlanParser.Parse(text);

        Assert.Equal(2024, plan.Year);
        Assert.Equal(new DateOnly(2024, 12, 31), plan.Items[1].Deadlines.Single().Date);
    }

    private static IEnumerable<string> Wrap(string paragraph, int width)
    {
        for (var i = 0; i < paragraph.Length; i += width)
        {
            yield return paragraph[i..Math.Min(paragraph.Length, i + width)];
        }
    }
}
