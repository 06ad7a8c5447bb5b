using GovOpenness.Domain.Calendar;
using GovOpenness.Domain.Localization;
using GovOpenness.Domain.Simulation;

namespace GovOpenness.Domain.Tests.Simulation;

/// <summary>The deadline policies run per date over the simulation's working-day index.</summary>
public class DeadlinePolicyOnIndexTests
{
    private static readonly WorkingDayIndex Days = new(WorkingDayCalendar.China, new DateOnly(2021, 1, 1), new DateOnly(2024, 12, 31));

    private static DateOnly Apply(DeadlinePolicy rule, DateOnly parent, ulong body = 14) =>
        rule.Resolve(parent, new DeadlineContext(2022, Days, body, DeadlineDraw.ItemKeyOf("1.1", 0)));

    private static DateOnly Date(string text) => DateOnly.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("2022-11-30", "2022-09-30")]
    [InlineData("2022-08-31", "2022-08-31")] // already earlier: kept (a child never relaxes)
    [InlineData("2023-03-31", "2023-03-31")] // next year's deadline: outside the rule
    public void End_of_month_caps_deadlines_of_the_plans_year(string parent, string expected) =>
        Assert.Equal(Date(expected), Apply(new EndOfMonth(9), Date(parent)));

    [Theory]
    [InlineData("2022-11-30", "2022-09-30")]
    [InlineData("2022-12-31", "2022-10-31")]
    [InlineData("2022-01-31", "2022-01-31")] // would leave the plan's year: kept
    public void Months_earlier_moves_to_the_end_of_an_earlier_month(string parent, string expected) =>
        Assert.Equal(Date(expected), Apply(new MonthsEarlier(2), Date(parent)));

    [Fact]
    public void Working_days_before_skips_the_national_day_holiday()
    {
        // 2022-10-10 (Mon); 10-09 and 10-08 are adjusted working days; 10-01…07 holiday; 09-30 Fri.
        Assert.Equal(new DateOnly(2022, 9, 30), Apply(new WorkingDaysBeforeParent(3), new DateOnly(2022, 10, 10)));
    }

    [Fact]
    public void Jitter_stays_within_its_range_and_varies_between_bodies()
    {
        var rule = new WorkingDaysBeforeParent(5, 5, Seed: 3);
        var parent = new DateOnly(2022, 11, 30);
        var results = Enumerable.Range(0, 500)
            .Select(code => Days.WorkingDaysBetween(Days.IndexOf(Apply(rule, parent, (ulong)code)), Days.IndexOf(parent)))
            .ToList();

        Assert.All(results, r => Assert.InRange(r, 5, 10));
        Assert.Equal(6, results.Distinct().Count());
    }

    [Fact]
    public void A_later_result_is_capped_at_the_parents_unless_allowed()
    {
        var parent = new DateOnly(2022, 11, 30);

        Assert.Equal(parent, Apply(new EndOfMonth(12), parent));
        Assert.Equal(new DateOnly(2022, 12, 31), Apply(new EndOfMonth(12) { AllowLater = true }, parent));
    }

    [Fact]
    public void The_index_and_the_calendar_subtract_working_days_alike()
    {
        IWorkingDays index = Days;
        for (var day = new DateOnly(2022, 1, 1); day < new DateOnly(2023, 1, 1); day = day.AddDays(3))
        {
            Assert.Equal(WorkingDayCalendar.China.SubtractWorkingDays(day, 7), index.SubtractWorkingDays(day, 7));
        }
    }
}
