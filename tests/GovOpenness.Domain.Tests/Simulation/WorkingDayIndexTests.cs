using GovOpenness.Domain.Calendar;
using GovOpenness.Domain.Simulation;

namespace GovOpenness.Domain.Tests.Simulation;

public class WorkingDayIndexTests
{
    private static readonly WorkingDayCalendar Calendar = WorkingDayCalendar.China;
    private static readonly WorkingDayIndex Index = new(Calendar, new DateOnly(2021, 1, 1), new DateOnly(2024, 12, 31));

    [Fact]
    public void Counts_working_days_like_the_calendar_across_holidays_and_adjusted_working_days()
    {
        var from = new DateOnly(2022, 1, 1);
        for (var offset = 0; offset < 365; offset += 3)
        {
            var start = from.AddDays(offset);
            foreach (var span in new[] { 1, 7, 30, 120 })
            {
                var end = start.AddDays(span);
                Assert.Equal(Calendar.WorkingDaysBetween(start, end), Index.WorkingDaysBetween(Index.IndexOf(start), Index.IndexOf(end)));
                Assert.Equal(Calendar.WorkingDaysBetween(end, start), Index.WorkingDaysBetween(Index.IndexOf(end), Index.IndexOf(start)));
            }
        }
    }

    [Fact]
    public void Adds_and_subtracts_working_days_like_the_calendar()
    {
        var from = new DateOnly(2022, 1, 1);
        for (var offset = 0; offset < 365; offset++)
        {
            var day = from.AddDays(offset);
            foreach (var n in new[] { 0, 1, 3, 10, 45 })
            {
                Assert.Equal(Calendar.SubtractWorkingDays(day, n), Index.DateOf(Index.SubtractWorkingDays(Index.IndexOf(day), n)));
                if (n > 0)
                {
                    Assert.Equal(Calendar.AddWorkingDays(day, n), Index.DateOf(Index.AddWorkingDays(Index.IndexOf(day), n)));
                }
            }
        }
    }

    [Fact]
    public void National_day_week_is_skipped_and_the_adjusted_saturday_counts()
    {
        // 2022: 10月1日–7日 holiday; Saturday 10月8日 and Sunday 10月9日 are worked in lieu.
        var lastBefore = Index.IndexOf(new DateOnly(2022, 9, 30));
        Assert.Equal(new DateOnly(2022, 10, 8), Index.DateOf(Index.AddWorkingDays(lastBefore, 1)));
        Assert.True(Index.IsWorkingDay(Index.IndexOf(new DateOnly(2022, 10, 9))));
        Assert.False(Index.IsWorkingDay(Index.IndexOf(new DateOnly(2022, 10, 3))));
        Assert.Equal(2, Index.WorkingDaysBetween(lastBefore, Index.IndexOf(new DateOnly(2022, 10, 9))));
    }
}
