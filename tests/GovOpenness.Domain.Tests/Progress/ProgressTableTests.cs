using GovOpenness.Domain.Calendar;
using GovOpenness.Domain.Progress;
using static GovOpenness.Domain.Tests.Progress.ProgressTestData;

namespace GovOpenness.Domain.Tests.Progress;

public class ProgressTableTests
{
    private static readonly WorkingDayCalendar China = WorkingDayCalendar.China;

    [Fact]
    public void Overdue_working_days_skip_the_national_day_holiday_and_count_its_adjusted_weekend()
    {
        // Due 2022-09-30; on 10-10 it is 10 calendar days late, but 10-1…10-7 are holidays and the
        // weekend 10-8/10-9 was worked (调休): 3 working days late (10-8, 10-9, 10-10).
        var days = DeadlineLight.OverdueWorkingDays(Day(9, 30), ItemStatus.InProgress, Day(10, 10), China);

        Assert.Equal(3, days);
        Assert.Equal(10, DeadlineLight.OverdueDays(Day(9, 30), ItemStatus.InProgress, Day(10, 10)));
    }

    [Fact]
    public void A_reported_item_is_never_overdue_in_working_days()
    {
        Assert.Equal(0, DeadlineLight.OverdueWorkingDays(Day(9, 30), ItemStatus.Reported, Day(10, 10), China));
    }

    [Fact]
    public void The_table_lists_every_item_with_its_note_and_counts_the_red_ones()
    {
        var body = new BodyProgress("141181", Year, "1411")
        {
            Targets = [new ItemTarget("1", Day(7, 31)), new ItemTarget("2", Day(11, 30)), new ItemTarget("3", null)],
        };
        body = body.Apply(new ProgressUpdate(Year, "1", ProgressStep.Acknowledged, null, null, [], null), Day(7, 1)).Body;
        body = body.Apply(new ProgressUpdate(Year, "1", ProgressStep.InProgress, 40, "已完成初稿", [], null), Day(7, 2)).Body;

        var table = ProgressTable.Of(body, Day(8, 10), China);

        Assert.Equal(new[] { "1", "2", "3" }, table.Items.Select(i => i.ItemId));
        Assert.Equal(1, table.OverdueItems);
        Assert.Equal(("已完成初稿", 40, ProgressLight.Red), (table.Items[0].Note, table.Items[0].Percent, table.Items[0].Light));
        Assert.True(table.Items[0].OverdueWorkingDays is > 0 and < 10, $"逾期工作日 {table.Items[0].OverdueWorkingDays}");
        Assert.Equal(Day(8, 10), table.AsOf);
    }
}
