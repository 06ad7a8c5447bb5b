using GovOpenness.Domain.Parsing;
using GovOpenness.Domain.Plans;

namespace GovOpenness.Domain.Tests.Parsing;

/// <summary>Input that is no plan gets a <see cref="PlanParseException"/> with a Chinese message saying what and where.</summary>
public class BadInputTests
{
    [Theory]
    [InlineData("")]
    [InlineData("   \n\u3000\r\n\t")]
    public void Empty_text_is_refused_as_empty(string text)
    {
        var e = Assert.Throws<PlanParseException>(() => PlanParser.Parse(text));
        Assert.Contains("为空", e.Message);
    }

    [Fact]
    public void Null_is_refused_as_empty_rather_than_crashing()
    {
        var e = Assert.Throws<PlanParseException>(() => PlanParser.Parse(null!));
        Assert.Contains("为空", e.Message);
    }

    [Fact]
    public void A_nul_byte_marks_binary_and_names_its_line()
    {
        var e = Assert.Throws<PlanParseException>(() => PlanParser.Parse("一、总体要求\n（一）做好公开\n\u0001\u0000PK\u0003"));
        Assert.Equal(3, e.Line);
        Assert.Contains("第 3 行", e.Message);
        Assert.Contains("二进制", e.Message);
    }

    [Fact]
    public void Twenty_megabytes_are_refused_by_size_before_any_parsing()
    {
        var huge = new string('公', 20 * 1024 * 1024);

        var e = Assert.Throws<PlanParseException>(() => PlanParser.Parse(huge));

        Assert.Contains(PlanLimits.MaxDocumentSizeText, e.Message);
        Assert.Contains("过大", e.Message);
    }

    [Fact]
    public void A_text_of_thousands_of_items_is_refused_at_the_line_where_it_passes_the_limit()
    {
        var text = "某县2023年政务公开工作要点\n" + string.Concat(Enumerable.Repeat("（一）做好公开。\n", PlanLimits.MaxItems + 10));

        var e = Assert.Throws<PlanParseException>(() => PlanParser.Parse(text));

        Assert.Equal(PlanLimits.MaxItems + 2, e.Line);
        Assert.Contains("条目超过", e.Message);
    }

    [Fact]
    public void Text_without_numbered_items_or_a_task_table_is_refused_as_having_no_structure()
    {
        const string text = "关于召开会议的通知\n\n各单位：\n定于下周一召开全体会议，请准时参加。\n\n办公室\n2023年3月1日";
        var e = Assert.Throws<PlanParseException>(() => PlanParser.Parse(text));
        Assert.Contains("找不到工作要点的条目", e.Message);
        Assert.NotNull(e.Line);
    }

    [Fact]
    public void A_plan_with_no_year_anywhere_is_refused_with_the_reason()
    {
        var e = Assert.Throws<PlanParseException>(() => PlanParser.Parse("政务公开工作要点\n一、重点任务\n（一）做好公开。"));
        Assert.Contains("年度", e.Message);
    }

    [Fact]
    public void An_impossible_issue_date_is_a_warning_naming_its_line_and_the_plan_still_parses()
    {
        var plan = PlanParser.Parse("某县人民政府办公室\n2023年2月30日\n某县2023年政务公开工作要点\n一、重点任务\n（一）做好公开。");

        Assert.Null(plan.IssueDate);
        var warning = Assert.Single(plan.Warnings, w => w.Code == "issue-date-invalid");
        Assert.Equal(2, warning.Line);
    }

    [Fact]
    public void An_impossible_deadline_is_a_warning_with_its_item()
    {
        var plan = PlanParser.Parse("某县2023年政务公开工作要点\n一、重点任务\n（一）做好公开。13月底前完成。");

        Assert.Contains(plan.Warnings, w => w.ItemId == "1.1" && w.Code != "missing-units");
        Assert.Empty(plan.Items[1].Deadlines);
    }
}
