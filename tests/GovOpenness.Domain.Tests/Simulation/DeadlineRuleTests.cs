using GovOpenness.Domain.Calendar;
using GovOpenness.Domain.Simulation;

namespace GovOpenness.Domain.Tests.Simulation;

public class DeadlineRuleTests
{
    private static readonly WorkingDayIndex Days = new(WorkingDayCalendar.China, new DateOnly(2021, 1, 1), new DateOnly(2024, 12, 31));

    private static DateOnly Apply(DeadlineRule rule, DateOnly parent)
    {
        var random = new BodyRandom(1, 14);
        return Days.DateOf(rule.Apply(Days.IndexOf(parent), 2022, Days, ref random));
    }

    [Theory]
    [InlineData("2022-11-30", "2022-09-30")]
    [InlineData("2022-08-31", "2022-08-31")] // already earlier: kept (a child never relaxes)
    [InlineData("2023-03-31", "2023-03-31")] // next year's deadline: outside the rule
    public void End_of_month_caps_deadlines_of_the_plans_year(string parent, string expected) =>
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture),
            Apply(DeadlineRule.EndOfMonth(9), DateOnly.Parse(parent, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData("2022-11-30", "2022-09-30")]
    [InlineData("2022-12-31", "2022-10-31")]
    [InlineData("2022-01-31", "2022-01-31")] // would leave the plan's year: kept
    public void Months_earlier_moves_to_the_end_of_an_earlier_month(string parent, string expected) =>
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture),
            Apply(DeadlineRule.MonthsEarlier(2), DateOnly.Parse(parent, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void Working_days_before_skips_the_national_day_holiday()
    {
        // 2022-10-10 (Mon); 10-09 and 10-08 are adjusted working days; 10-01…07 holiday; 09-30 Fri.
        Assert.Equal(new DateOnly(2022, 9, 30), Apply(DeadlineRule.WorkingDaysBefore(3), new DateOnly(2022, 10, 10)));
    }

    [Fact]
    public void Jitter_stays_within_its_range_and_varies_between_bodies()
    {
        var rule = DeadlineRule.WorkingDaysBefore(5, 5);
        var parent = Days.IndexOf(new DateOnly(2022, 11, 30));
        var results = Enumerable.Range(0, 500).Select(code =>
        {
            var random = new BodyRandom(3, code);
            return Days.WorkingDaysBetween(rule.Apply(parent, 2022, Days, ref random), parent);
        }).ToList();

        Assert.All(results, r => Assert.InRange(r, 5, 10));
        Assert.Equal(6, results.Distinct().Count());
    }

    [Fact]
    public void A_later_result_is_capped_at_the_parents_unless_allowed()
    {
        var parent = new DateOnly(2022, 11, 30);

        Assert.Equal(parent, Apply(DeadlineRule.EndOfMonth(12), parent));
        Assert.Equal(new DateOnly(2022, 12, 31), Apply(DeadlineRule.EndOfMonth(12) with { AllowLater = true }, parent));
    }
}
