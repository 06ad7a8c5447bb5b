using System.Globalization;
using GovOpenness.Domain.Calendar;
using GovOpenness.Domain.Parsing;
using GovOpenness.Domain.Plans;

namespace GovOpenness.Domain.Tests.Parsing;

public class DeadlineDueDatesTests
{
    private static readonly WorkingDayCalendar China = WorkingDayCalendar.China;

    [Fact]
    public void Working_days_skip_the_national_day_holiday_and_count_the_worked_weekend()
    {
        // Received 2022-09-29: 09-30 is the 1st working day, 10-01..10-07 are holidays, 10-08 and 10-09 are worked.
        var deadline = new Deadline("3 个工作日内", DeadlineKind.WorkingDays, null, 3);
        Assert.Equal(Day("2022-10-09"), deadline.DueOn(Day("2022-09-29"), China));
    }

    [Fact]
    public void Recurring_deadline_falls_due_at_its_next_occurrence()
    {
        var deadline = new Deadline("每年3月底前", DeadlineKind.Recurring, Day("2022-03-31"));
        Assert.Equal(Day("2023-03-31"), deadline.DueOn(Day("2022-04-26"), China));
        Assert.Equal(Day("2022-03-31"), deadline.DueOn(Day("2022-01-10"), China));
        Assert.Equal(Day("2022-03-31"), deadline.DueOn(Day("2022-03-31"), China));
    }

    [Fact]
    public void Recurring_leap_day_falls_on_the_last_day_of_february_in_other_years()
    {
        var deadline = new Deadline("每年2月29日前", DeadlineKind.Recurring, Day("2024-02-29"));
        Assert.Equal(Day("2025-02-28"), deadline.DueOn(Day("2024-03-01"), China));
    }

    [Fact]
    public void Dated_deadlines_fall_due_on_their_date_and_open_ended_ones_never()
    {
        Assert.Equal(Day("2022-11-30"), new Deadline("11月底前", DeadlineKind.By, Day("2022-11-30")).DueOn(Day("2022-04-26"), China));
        Assert.Equal(Day("2025-12-31"), new Deadline("到2025年", DeadlineKind.Target, Day("2025-12-31")).DueOn(Day("2021-05-12"), China));
        Assert.Null(new Deadline("从10月起", DeadlineKind.From, Day("2022-10-01")).DueOn(Day("2022-04-26"), China));
        Assert.Null(new Deadline("持续推进", DeadlineKind.Ongoing).DueOn(Day("2022-04-26"), China));
    }

    private static DateOnly Day(string date) => DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
