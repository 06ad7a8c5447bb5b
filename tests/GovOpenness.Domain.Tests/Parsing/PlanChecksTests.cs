using System.Globalization;
using GovOpenness.Domain.Calendar;
using GovOpenness.Domain.Parsing;
using GovOpenness.Domain.Plans;

namespace GovOpenness.Domain.Tests.Parsing;

public class PlanChecksTests
{
    private static readonly WorkingDayCalendar China = WorkingDayCalendar.China;

    [Fact]
    public void Seed_000_deadline_before_its_issue_date_is_reported_as_passed()
    {
        // 晋环办发〔2022〕35号 was issued 2022-09-05 but item (二) asks for "2022 年 8 月底前".
        var plan = Plan(
            "2022-09-05",
            Item("1", ["一"], 20),
            Item("1.2", ["一", "（二）"], 32, ["综合处"], By("2022 年 8 月底前", "2022-08-31")),
            Item("4.2", ["四", "（十六）"], 76, ["各处室、单位"], By("11月底前", "2022-11-30")));

        var warning = Assert.Single(PlanChecks.Check(plan, China));

        Assert.Equal(new PlanWarning(warning.Code, warning.Message, 32, "1.2"), warning);
        Assert.Equal("deadline-passed", warning.Code);
        Assert.Contains("2022 年 8 月底前", warning.Message);
        Assert.Contains("2022-09-05", warning.Message);
    }

    [Fact]
    public void Target_before_the_issue_date_is_reported_as_passed()
    {
        var plan = Plan("2022-04-26", Item("1", ["一"], 3, ["办公室"], new Deadline("到2021年", DeadlineKind.Target, Day("2021-12-31"))));
        Assert.Equal("deadline-passed", Assert.Single(PlanChecks.Check(plan, China)).Code);
    }

    [Fact]
    public void Deadline_five_working_days_after_issue_across_national_day_is_too_close()
    {
        // 09-29, 09-30, then the holiday 10-01..10-07, then the worked weekend 10-08, 10-09, then 10-10.
        var plan = Plan("2022-09-28", Item("2.1", ["二", "（一）"], 50, ["市政府办"], By("10月10日前", "2022-10-10")));

        var warning = Assert.Single(PlanChecks.Check(plan, China));

        Assert.Equal("deadline-too-close", warning.Code);
        Assert.Equal("2.1", warning.ItemId);
        Assert.Equal(50, warning.Line);
        Assert.Contains("仅5个工作日", warning.Message);
    }

    [Fact]
    public void Holidays_count_against_the_time_left()
    {
        // 2022-09-23 to 2022-10-11: twelve weekdays, but only nine working days once National Day is taken out.
        var plan = Plan("2022-09-23", Item("1.1", ["一", "（一）"], 9, ["市政府办"], By("10月11日前", "2022-10-11")));

        Assert.Contains("仅9个工作日", Assert.Single(PlanChecks.Check(plan, China)).Message);
    }

    [Fact]
    public void Deadline_with_ten_working_days_or_more_is_not_reported()
    {
        // 2022-09-23 to 2022-10-12: exactly ten working days (five in September, 10-08, 10-09, 10-10..10-12).
        var plan = Plan("2022-09-23", Item("1.1", ["一", "（一）"], 9, ["市政府办"], By("10月12日前", "2022-10-12")));

        Assert.Empty(PlanChecks.Check(plan, China));
    }

    [Fact]
    public void Deadline_on_the_issue_date_is_too_close_not_passed()
    {
        var plan = Plan("2022-07-14", Item("1.1", ["一", "（一）"], 9, ["市政府办"], By("7月14日前", "2022-07-14")));

        var warning = Assert.Single(PlanChecks.Check(plan, China));
        Assert.Equal("deadline-too-close", warning.Code);
        Assert.Contains("仅0个工作日", warning.Message);
    }

    [Fact]
    public void Too_close_threshold_is_a_parameter()
    {
        var plan = Plan("2022-09-28", Item("2.1", ["二", "（一）"], 50, ["市政府办"], By("10月10日前", "2022-10-10")));

        Assert.Empty(PlanChecks.Check(plan, China, new PlanCheckOptions(MinWorkingDays: 5)));
        Assert.Single(PlanChecks.Check(plan, China, new PlanCheckOptions(MinWorkingDays: 6)));
    }

    [Fact]
    public void Recurring_start_working_day_and_ongoing_deadlines_are_not_date_checked()
    {
        var plan = Plan(
            "2022-04-26",
            Item(
                "2.2",
                ["二", "（二）"],
                185,
                ["市场监管局"],
                new Deadline("每年３月底前", DeadlineKind.Recurring, Day("2022-03-31")),
                new Deadline("从１０月起", DeadlineKind.From, Day("2022-01-01")),
                new Deadline("3个工作日内", DeadlineKind.WorkingDays, null, 3),
                new Deadline("持续推进", DeadlineKind.Ongoing)));

        Assert.Empty(PlanChecks.Check(plan, China));
    }

    [Fact]
    public void Without_an_issue_date_deadlines_are_not_checked()
    {
        var plan = Plan(null, Item("1.2", ["一", "（二）"], 32, ["综合处"], By("8月底前", "2022-08-31")));
        Assert.Empty(PlanChecks.Check(plan, China));
    }

    [Fact]
    public void Task_item_without_units_is_reported_where_most_name_them()
    {
        var plan = Plan(
            "2022-07-14",
            Item("1", ["一"], 20),
            Item("1.1", ["一", "（一）"], 24, ["市行政审批局"]),
            Item("1.2", ["一", "（二）"], 30, ["市场监管局"]),
            Item("1.3", ["一", "（三）"], 34, ["市司法局"]),
            Item("2", ["二"], 40),
            Item("2.1", ["二", "（一）"], 42, ["市公安局"]),
            Item("2.2", ["二", "（二）"], 46));

        var warning = Assert.Single(PlanChecks.Check(plan, China));

        Assert.Equal("missing-units", warning.Code);
        Assert.Equal("2.2", warning.ItemId);
        Assert.Equal(46, warning.Line);
        Assert.Contains("“事项2.2的标题”未写明责任单位", warning.Message);
        Assert.Contains("5个具体事项中有4个", warning.Message);
    }

    [Fact]
    public void Items_inherit_the_units_of_the_section_above_them()
    {
        var plan = Plan(
            "2022-07-14",
            Item("1", ["一"], 20, ["市政府办"]),
            Item("1.1", ["一", "（一）"], 24),
            Item("1.2", ["一", "（二）"], 30),
            Item("2", ["二"], 40),
            Item("2.1", ["二", "（一）"], 42, ["市公安局"]),
            Item("2.2", ["二", "（二）"], 46, ["市司法局"]),
            Item("2.3", ["二", "（三）"], 50));

        var warning = Assert.Single(PlanChecks.Check(plan, China));

        Assert.Equal("2.3", warning.ItemId);
        Assert.Contains("5个具体事项中有4个", warning.Message);
    }

    [Fact]
    public void Items_without_units_are_not_reported_when_the_document_rarely_names_units()
    {
        var plan = Plan(
            "2022-05-12",
            Item("1.1", ["一", "（一）"], 24, ["市行政审批局"]),
            Item("1.2", ["一", "（二）"], 30, ["市场监管局"]),
            Item("1.3", ["一", "（三）"], 34),
            Item("1.4", ["一", "（四）"], 38));

        Assert.Empty(PlanChecks.Check(plan, China));
    }

    [Fact]
    public void Units_are_not_checked_on_a_document_with_too_few_task_items()
    {
        var plan = Plan(
            "2022-05-12",
            Item("1.1", ["一", "（一）"], 24, ["市行政审批局"]),
            Item("1.2", ["一", "（二）"], 30, ["市场监管局"]),
            Item("1.3", ["一", "（三）"], 34));

        Assert.Empty(PlanChecks.Check(plan, China));
        Assert.Single(PlanChecks.Check(plan, China, new PlanCheckOptions(MinTaskItems: 3)));
    }

    [Fact]
    public void Unit_coverage_threshold_is_a_parameter()
    {
        var plan = Plan(
            "2022-05-12",
            Item("1.1", ["一", "（一）"], 24, ["市行政审批局"]),
            Item("1.2", ["一", "（二）"], 30, ["市场监管局"]),
            Item("1.3", ["一", "（三）"], 34, ["市司法局"]),
            Item("1.4", ["一", "（四）"], 38));

        Assert.Single(PlanChecks.Check(plan, China));
        Assert.Empty(PlanChecks.Check(plan, China, new PlanCheckOptions(UnitCoverage: 0.8)));
    }

    [Fact]
    public void Warnings_of_each_kind_come_together_for_one_plan()
    {
        var plan = Plan(
            "2022-09-05",
            Item("1.1", ["一", "（一）"], 10, ["综合处"], By("8月底前", "2022-08-31")),
            Item("1.2", ["一", "（二）"], 20, ["综合处"], By("9月10日前", "2022-09-10")),
            Item("1.3", ["一", "（三）"], 30, ["综合处"]),
            Item("1.4", ["一", "（四）"], 40, ["综合处"]),
            Item("1.5", ["一", "（五）"], 50));

        Assert.Equal(
            [("deadline-passed", "1.1"), ("deadline-too-close", "1.2"), ("missing-units", "1.5")],
            PlanChecks.Check(plan, China).Select(w => (w.Code, w.ItemId!)).ToArray());
    }

    private static PlanDocument Plan(string? issued, params PlanItem[] items) =>
        new("测试工作要点", "测试办公室", null, issued is null ? null : Day(issued), 2022, items, []);

    private static PlanItem Item(string id, string[] path, int line, string[]? units = null, params Deadline[] deadlines) =>
        new(id, path, $"事项{id}的标题", $"事项{id}的正文", deadlines, units ?? [], line);

    private static Deadline By(string text, string date) => new(text, DeadlineKind.By, Day(date));

    private static DateOnly Day(string date) => DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
