using GovOpenness.Domain.Calendar;
using GovOpenness.Domain.Progress;
using static GovOpenness.Domain.Tests.Progress.ProgressTestData;

namespace GovOpenness.Domain.Tests.Progress;

public class DeadlineLightTests
{
    private static readonly WorkingDayCalendar China = WorkingDayCalendar.China;

    [Fact]
    public void An_open_item_past_its_deadline_is_red_with_its_days_overdue()
    {
        var deadline = Day(7, 31);
        var today = Day(8, 10);

        Assert.Equal(ProgressLight.Red, DeadlineLight.Of(deadline, ItemStatus.InProgress, today, China));
        Assert.Equal(10, DeadlineLight.OverdueDays(deadline, ItemStatus.InProgress, today));
    }

    [Theory]
    [InlineData(ItemStatus.Reported)]
    [InlineData(ItemStatus.Closed)]
    public void A_reported_or_closed_item_is_never_red(ItemStatus status)
    {
        Assert.Equal(ProgressLight.Green, DeadlineLight.Of(Day(7, 31), status, Day(12, 1), China));
        Assert.Equal(0, DeadlineLight.OverdueDays(Day(7, 31), status, Day(12, 1)));
    }

    [Fact]
    public void Three_working_days_left_is_yellow_and_four_is_green()
    {
        // Thursday 2022-06-23 → Tuesday 2022-06-28: Fri, Mon, Tue = 3 working days.
        var deadline = Day(6, 28);
        Assert.Equal(3, China.WorkingDaysBetween(Day(6, 23), deadline));
        Assert.Equal(4, China.WorkingDaysBetween(Day(6, 22), deadline));

        Assert.Equal(ProgressLight.Yellow, DeadlineLight.Of(deadline, ItemStatus.Acknowledged, Day(6, 23), China));
        Assert.Equal(ProgressLight.Green, DeadlineLight.Of(deadline, ItemStatus.Acknowledged, Day(6, 22), China));
    }

    [Fact]
    public void Working_days_not_calendar_days_decide_yellow_across_the_national_day_holiday()
    {
        // 2022: 1–7 October off, Saturday 8 and Sunday 9 worked in lieu (调休).
        var deadline = Day(10, 10);
        var today = Day(9, 30);
        Assert.False(China.IsWorkingDay(Day(10, 3)));
        Assert.True(China.IsWorkingDay(Day(10, 8)));

        Assert.Equal(ProgressLight.Yellow, DeadlineLight.Of(deadline, ItemStatus.InProgress, today, China));
        Assert.Equal(ProgressLight.Green, DeadlineLight.Of(deadline, ItemStatus.InProgress, Day(9, 28), China));
    }

    [Fact]
    public void The_deadline_day_itself_is_yellow_not_red()
    {
        Assert.Equal(ProgressLight.Yellow, DeadlineLight.Of(Day(6, 28), ItemStatus.Pending, Day(6, 28), China));
    }

    [Fact]
    public void An_item_without_a_date_stays_green()
    {
        Assert.Equal(ProgressLight.Green, DeadlineLight.Of(null, ItemStatus.Pending, Day(12, 31), China));
    }

    [Fact]
    public void The_day_in_china_comes_from_the_injected_clock()
    {
        // 2022-06-30 17:00 UTC is already 1 July in Beijing.
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2022, 6, 30, 17, 0, 0, TimeSpan.Zero));

        Assert.Equal(Day(7, 1), ChinaTime.Today(clock));
    }
}
