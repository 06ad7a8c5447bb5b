using GovOpenness.Domain.Parsing;
using GovOpenness.Domain.Plans;

namespace GovOpenness.Domain.Tests.Parsing;

/// <summary>Each shape issue 15 lists, on a small table written for it (the real tables are in <see cref="GenreRecallTests"/>).</summary>
public class GenreShapeTests
{
    private static PlanDocument Parse(string text) => PlanParser.Parse(text, new PlanParseOptions(2022));

    [Theory]
    [InlineData("任务", "责任单位", "时限")]
    [InlineData("工作任务", "责任科室", "时限要求")]
    [InlineData("具体要求", "责任处室", "完成时限")]
    [InlineData("重点任务", "牵头单位", "完成时限")]
    public void Header_words_name_the_columns(string task, string unit, string limit)
    {
        var plan = Parse($"某县2022年政务公开重点任务分工方案\n\n| 序号 | {task} | {unit} | {limit} | 备注 |\n| 1 | 做好财政预决算公开。 | 县财政局 | 6月底前 | 无 |\n| 2 | 公开行政许可事项清单。 | 县行政审批局 | 长期坚持 | |\n");

        Assert.Equal(PlanKind.TaskTable, plan.Kind);
        Assert.Equal(["县财政局"], plan.Items[0].Lead);
        Assert.Equal(new DateOnly(2022, 6, 30), plan.Items[0].Deadlines.Single().Date);
        Assert.Equal(DeadlineKind.Ongoing, plan.Items[1].Deadlines.Single().Kind);
    }

    [Fact]
    public void A_ledger_with_a_refined_division_column_and_rows_split_over_lines_is_read()
    {
        const string Text = """
            某市2022年政务公开工作任务台账

            | 序号 | 重点任务 | 细化分工 | 牵头单位 | 配合单位 | 完成时限 |
            | 1 | 加强政策解读 | 重要政策文件与解读材料 | 市政府办公室 | 市司法局 | 2022年6月至12月 |
            | | | 同步起草、同步审签。 | | | |
            | | | | | | |
            | 2 | 规范依申请公开 | 按时答复申请 | 市政务服务中心 | 各县(市、区)政府 | 即日起 |
            """;

        var plan = Parse(Text);

        Assert.Equal(2, plan.Items.Count);
        Assert.Contains("同步起草、同步审签。", plan.Items[0].Text, StringComparison.Ordinal);
        Assert.Equal(["市政府办公室"], plan.Items[0].Lead);
        Assert.Equal(["市司法局"], plan.Items[0].Cooperating);
        Assert.Equal(new DateOnly(2022, 12, 31), plan.Items[0].Deadlines.Single().Date);
        Assert.Equal(["各县(市、区)政府"], plan.Items[1].Collective);
        Assert.Equal(DeadlineKind.From, plan.Items[1].Deadlines.Single().Kind);
    }

    [Fact]
    public void A_notice_in_traditional_script_wrapping_a_division_plan_reads_the_table_and_the_date()
    {
        var notice = File.ReadAllText(Path.Combine(GenreRecallTests.Directory, "guangdong-2022-notice-traditional.txt"));
        var table = "附件\n\n廣東省貫徹落實國務院辦公廳2022年政務公開工作要點分工方案\n\n"
            + "| 序號 | 工作任務 | 牽頭單位 | 配合單位 | 完成時限 |\n"
            + "| 1 | 加強涉企政策公開。 | 省發展改革委 | 省工業和信息化廳、商務廳 | 長期堅持 |\n"
            + "| 2 | 做好政府信息公開年度報告。 | 省政府辦公廳 | 各地級以上市政府 | 每年１月３１日前 |\n";

        var plan = Parse(notice + "\n" + table);

        Assert.Equal(new DateOnly(2022, 5, 20), plan.IssueDate);
        Assert.Equal("粤府办〔2022〕17号", plan.DocNumber); // document numbers are normalized, as README says
        Assert.Equal(2, plan.Items.Count);
        Assert.Equal(["省發展改革委"], plan.Items[0].Lead);

        // "商務廳" elides the level its list names once: the body is 省商務廳; the units keep the words.
        Assert.Equal(["省工業和信息化廳", "省商務廳"], plan.Items[0].Cooperating);
        Assert.Equal(["省發展改革委", "省工業和信息化廳", "商務廳"], plan.Items[0].Units);
        Assert.Equal(new Deadline("每年１月３１日前", DeadlineKind.Recurring, new DateOnly(2022, 1, 31)), plan.Items[1].Deadlines.Single());
    }

    [Theory]
    [InlineData("持续推进", DeadlineKind.Ongoing, null, null)]
    [InlineData("长期推进", DeadlineKind.Ongoing, null, null)]
    [InlineData("长期坚持", DeadlineKind.Ongoing, null, null)]
    [InlineData("年底前", DeadlineKind.By, "2022-12-31", null)]
    [InlineData("2021年8月前", DeadlineKind.By, "2021-07-31", null)]
    [InlineData("5日内", DeadlineKind.CalendarDays, null, 5)]
    [InlineData("即日起", DeadlineKind.From, null, null)]
    [InlineData("本月底前", DeadlineKind.By, null, null)]
    [InlineData("上半年", DeadlineKind.By, "2022-06-30", null)]
    [InlineData("下半年", DeadlineKind.By, "2022-12-31", null)]
    [InlineData("每季度", DeadlineKind.Recurring, "2022-03-31", null)]
    [InlineData("每月10日前", DeadlineKind.Recurring, "2022-01-10", null)]
    [InlineData("6月—9月", DeadlineKind.By, "2022-09-30", null)]
    [InlineData("2022年6月至12月", DeadlineKind.By, "2022-12-31", null)]
    [InlineData("春节前", DeadlineKind.By, "2023-01-21", null)]
    [InlineData("長期堅持", DeadlineKind.Ongoing, null, null)]
    [InlineData("２０２１年８月前", DeadlineKind.By, "2021-07-31", null)]
    [InlineData("５日內", DeadlineKind.CalendarDays, null, 5)]
    [InlineData("６月—９月", DeadlineKind.By, "2022-09-30", null)]
    [InlineData("每月１０日前", DeadlineKind.Recurring, "2022-01-10", null)]
    public void Time_limit_cells_are_read(string cell, DeadlineKind kind, string? date, int? days)
    {
        var plan = Parse($"某县2022年政务公开重点任务分工方案\n\n| 序号 | 重点任务 | 责任单位 | 完成时限 |\n| 1 | 做好财政预决算公开。 | 县财政局 | {cell} |\n");

        var deadline = plan.Items.Single().Deadlines.Single();
        Assert.Equal(cell, deadline.Text);
        Assert.Equal(kind, deadline.Kind);
        Assert.Equal(date is null ? null : DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), deadline.Date);
        Assert.Equal(days, deadline.Days);
        Assert.DoesNotContain(plan.Warnings, w => w.Code == "deadline-unparsed");
    }

    [Fact]
    public void An_unknown_time_limit_is_kept_verbatim_as_unparsed_with_a_warning()
    {
        var plan = Parse("某县2022年政务公开重点任务分工方案\n\n| 序号 | 重点任务 | 责任单位 | 完成时限 |\n| 1 | 做好财政预决算公开。 | 县财政局 | 视上级部署 |\n");

        Assert.Equal(new Deadline("视上级部署", DeadlineKind.Unparsed), plan.Items.Single().Deadlines.Single());
        var warning = Assert.Single(plan.Warnings, w => w.Code == "deadline-unparsed");
        Assert.Contains("视上级部署", warning.Message, StringComparison.Ordinal);
        Assert.Equal("1", warning.ItemId);
    }

    [Fact]
    public void Frequencies_inside_a_sentence_are_still_no_deadline()
    {
        var (deadlines, _) = DeadlineExtractor.Extract("每季度公开一次，每月10日前报送", 2022);

        Assert.Empty(deadlines);
    }

    [Fact]
    public void A_list_that_names_its_level_once_gives_every_body_that_level()
    {
        var plan = Parse("某市2022年政务公开工作要点\n\n一、做好公开\n（一）加强教育卫生信息公开。（责任单位：市教科局、卫健局、各县区政府）\n");

        var item = plan.Items.Single(i => i.Id == "1.1");
        Assert.Equal(["市教科局", "卫健局", "各县区政府"], item.Units);
        Assert.Equal(["市教科局", "市卫健局", "各县区政府"], item.Lead);
        Assert.Equal(["各县区政府"], item.Collective);
    }

    [Fact]
    public void Closing_paragraphs_after_the_last_row_belong_to_no_row()
    {
        const string Text = "某县2022年政务公开重点任务分工方案\n\n| 序号 | 重点任务 | 责任单位 | 完成时限 |\n| 1 | 做好财政预决算公开。 | 县财政局 | 6月底前 |\n\n各单位要高度重视，于12月底前报送落实情况。\n";

        var plan = Parse(Text);

        var item = plan.Items.Single();
        Assert.DoesNotContain("各单位要高度重视", item.Text, StringComparison.Ordinal);
        Assert.Equal("6月底前", item.Deadlines.Single().Text);
    }

    [Fact]
    public void Closing_paragraphs_after_the_last_numbered_item_belong_to_no_item()
    {
        const string Text = "某县2022年政务公开工作要点\n\n一、做好公开\n（一）做好财政预决算公开。6月底前完成。（责任单位：县财政局）\n\n本要点落实情况要纳入年度绩效考核，各单位于12月底前报送。\n";

        var plan = Parse(Text);

        var last = plan.Items[^1];
        Assert.DoesNotContain("本要点落实情况", last.Text, StringComparison.Ordinal);
        Assert.Equal(["6月底前"], last.Deadlines.Select(d => d.Text));
    }
}
