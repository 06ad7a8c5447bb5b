using GovOpenness.Domain.Calendar;
using GovOpenness.Domain.Localization;
using GovOpenness.Domain.Plans;
using GovOpenness.Domain.Simulation;
using GovOpenness.Domain.Tests.Parsing;
using Microsoft.Extensions.Time.Testing;

namespace GovOpenness.Domain.Tests.Calendar;

/// <summary>One "today in China", one valid-year rule, one resolution of yearly deadlines against the issue date.</summary>
public class OneCalendarRuleTests
{
    [Fact]
    public void A_yearly_deadline_already_past_on_the_issue_date_falls_due_next_year_for_the_grains_and_the_simulation_alike()
    {
        // 山西省 2022 (issued 2022-04-26): "抽查计划…应于每年３月底前公布".
        var document = Seeds.Parse("001");
        Assert.Equal(new DateOnly(2022, 4, 26), document.IssueDate);
        var item = document.Items.First(i => i.Deadlines.Any(d => d.Kind == DeadlineKind.Recurring && d.Date is { Month: 3 }));
        Assert.Equal(new DateOnly(2022, 3, 31), item.Deadlines.First(d => d.Kind == DeadlineKind.Recurring).Date); // as the parser reads it

        var published = PublishedPlan.FromDocument("14", document).FindItem(item.Id)!;
        Assert.Equal(new DateOnly(2023, 3, 31), published.Deadlines.First(d => d.Kind == DeadlineKind.Recurring).Date);

        var (_, _, simulated) = RootPlanReader.FromPlan(document);
        Assert.Contains(simulated, s => s.Id.StartsWith(item.Id, StringComparison.Ordinal) && s.Deadline == new DateOnly(2023, 3, 31));
        Assert.DoesNotContain(simulated, s => s.Deadline == new DateOnly(2022, 3, 31));
    }

    [Theory]
    [InlineData("2022-03-31", "2022-04-26", "2023-03-31")]
    [InlineData("2022-12-31", "2022-04-26", "2022-12-31")] // still ahead: this year's
    [InlineData("2022-04-26", "2022-04-26", "2022-04-26")] // due on the issue day itself
    [InlineData("2024-02-29", "2024-03-01", "2025-02-28")] // no 29 February next year
    public void A_yearly_deadline_is_due_on_its_first_occurrence_on_or_after_the_issue_date(string date, string issued, string due)
    {
        var deadline = new Deadline("每年…前", DeadlineKind.Recurring, DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture),
            RecurringDeadlines.Resolve(deadline, DateOnly.Parse(issued, System.Globalization.CultureInfo.InvariantCulture)).Date);
    }

    [Fact]
    public void Other_deadlines_and_plans_without_an_issue_date_are_left_alone()
    {
        var by = new Deadline("3月底前", DeadlineKind.By, new DateOnly(2022, 3, 31));
        Assert.Same(by, RecurringDeadlines.Resolve(by, new DateOnly(2022, 4, 26)));
        var yearly = by with { Kind = DeadlineKind.Recurring };
        Assert.Same(yearly, RecurringDeadlines.Resolve(yearly, null));
    }

    [Theory]
    [InlineData("2022-04-25T15:59:59Z", "2022-04-25")]
    [InlineData("2022-04-25T16:00:00Z", "2022-04-26")] // midnight in Beijing, still the 25th in UTC
    [InlineData("2022-04-26T07:59:00Z", "2022-04-26")]
    public void Today_is_the_date_in_china_not_the_utc_date(string instant, string today)
    {
        var clock = new FakeTimeProvider(DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture), ChinaTime.Today(clock));
    }

    [Theory]
    [InlineData(1999, false)]
    [InlineData(2000, true)]
    [InlineData(2100, true)]
    [InlineData(2101, false)]
    [InlineData(20222, false)]
    public void One_rule_says_which_years_a_plan_may_be_for(int year, bool valid)
    {
        Assert.Equal(valid, PlanYears.IsValid(year));
        Assert.Equal(valid, PlanYears.Problem(year) is null);
    }
}
