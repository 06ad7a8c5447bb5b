using GovOpenness.Domain.Calendar;

namespace GovOpenness.Domain.Tests.Calendar;

public class WorkingDayCalendarTests
{
    private static readonly WorkingDayCalendar Calendar = WorkingDayCalendar.China;

    [Fact]
    public void National_day_holiday_is_not_a_working_day()
    {
        Assert.False(Calendar.IsWorkingDay(new DateOnly(2022, 10, 3)));
        Assert.True(Calendar.IsHoliday(new DateOnly(2022, 10, 3)));
    }

    [Fact]
    public void Adjusted_weekend_working_day_counts()
    {
        // 2022-10-08 was a Saturday worked in lieu of the National Day holiday.
        Assert.Equal(DayOfWeek.Saturday, new DateOnly(2022, 10, 8).DayOfWeek);
        Assert.True(Calendar.IsWorkingDay(new DateOnly(2022, 10, 8)));
    }

    [Fact]
    public void Three_working_days_skip_the_national_day_week()
    {
        // Trigger on Friday 2022-09-30: 10-01..10-07 are holidays, 10-08 and 10-09 are adjusted working days.
        Assert.Equal(new DateOnly(2022, 10, 10), Calendar.AddWorkingDays(new DateOnly(2022, 9, 30), 3));
    }

    [Fact]
    public void Working_days_between_is_antisymmetric()
    {
        var a = new DateOnly(2022, 4, 26);
        var b = new DateOnly(2022, 11, 30);
        Assert.Equal(-Calendar.WorkingDaysBetween(a, b), Calendar.WorkingDaysBetween(b, a));
        Assert.InRange(Calendar.WorkingDaysBetween(a, b), 140, 150);
    }

    [Fact]
    public void Subtracting_then_adding_working_days_round_trips()
    {
        var end = new DateOnly(2022, 11, 30);
        var start = Calendar.SubtractWorkingDays(end, 10);
        Assert.Equal(end, Calendar.AddWorkingDays(start, 10));
    }

    [Fact]
    public void Years_outside_the_data_fall_back_to_weekdays()
    {
        Assert.Equal((2004, 2026), Calendar.CoveredYears);
        Assert.True(Calendar.IsWorkingDay(new DateOnly(2030, 1, 1)));
        Assert.False(Calendar.IsWorkingDay(new DateOnly(2030, 1, 5)));
    }
}
