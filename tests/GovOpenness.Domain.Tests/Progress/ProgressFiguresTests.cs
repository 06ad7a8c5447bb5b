using GovOpenness.Domain.Calendar;
using GovOpenness.Domain.Progress;
using static GovOpenness.Domain.Tests.Progress.ProgressTestData;

namespace GovOpenness.Domain.Tests.Progress;

public class ProgressFiguresTests
{
    private static readonly WorkingDayCalendar China = WorkingDayCalendar.China;

    /// <summary>Four items on 2022-08-10: one closed on time (weight 3), one reported late, one red
    /// since 7-31, one yellow (due 8-12), one returned once and back in progress at 40%.</summary>
    private static BodyProgress Sample()
    {
        var body = new BodyProgress("141181", Year, "1411")
        {
            Milestones = new PlanMilestones(Day(4, 26), Day(4, 27), Day(5, 10), Day(7, 14)),
            Targets =
            [
                new ItemTarget("1", Day(6, 30), 3),
                new ItemTarget("2", Day(6, 30)),
                new ItemTarget("3", Day(7, 31)),
                new ItemTarget("4", Day(8, 12)),
                new ItemTarget("5", null),
            ],
        };
        body = Run(body, Day(6, 1), ("1", ProgressStep.Acknowledged), ("1", ProgressStep.Reported), ("1", ProgressStep.Accepted));
        body = Run(body, Day(7, 5), ("2", ProgressStep.Acknowledged), ("2", ProgressStep.Reported));
        body = Run(body, Day(7, 5), ("3", ProgressStep.Acknowledged), ("4", ProgressStep.Acknowledged), ("5", ProgressStep.Acknowledged), ("5", ProgressStep.Reported), ("5", ProgressStep.Returned));
        return Run(body, Day(7, 6), ("5", ProgressStep.InProgress));
    }

    private static BodyProgress Run(BodyProgress body, DateOnly day, params (string Item, ProgressStep Step)[] steps)
    {
        foreach (var (item, step) in steps)
        {
            var update = new ProgressUpdate(Year, item, step, Percent: step == ProgressStep.InProgress ? 40 : null, Note: step == ProgressStep.Returned ? "不全" : null);
            var result = body.Apply(update, day);
            Assert.True(result.Outcome.IsApplied, result.Outcome.Message);
            body = result.Body;
        }

        return body;
    }

    [Fact]
    public void A_long_list_counts_each_target_with_its_own_item_whatever_their_order()
    {
        // Twelve targets, ten touched in scrambled order (the list holds items in the order first touched),
        // two never touched: past eight items the figures look items up by id instead of scanning the list.
        var body = new BodyProgress("141181", Year, "1411")
        {
            Targets = [.. Enumerable.Range(1, 12).Select(i => new ItemTarget($"{i}", i <= 6 ? Day(6, 30) : Day(12, 31), i))],
        };
        foreach (var item in new[] { 9, 2, 11, 4, 1, 7, 10, 3, 8, 5 })
        {
            body = Run(body, Day(6, 1), ($"{item}", ProgressStep.Acknowledged));
            if (item % 3 == 0)
            {
                body = Run(body, Day(6, 2), ($"{item}", ProgressStep.Reported));
            }
        }

        var today = Day(8, 10);
        var counts = ProgressFigures.ForBody(body, today, China).Counts;
        var expected = new long[SummaryCounts.Length];
        foreach (var target in body.Targets)
        {
            var part = ProgressFigures.ForItem(target, body.ProgressOf(target.ItemId), today, China).Values;
            for (var i = 0; i < expected.Length; i++)
            {
                expected[i] += part[i];
            }
        }

        Assert.True(body.Items.Length > 8);
        Assert.Equal(12, counts.Items);
        Assert.Equal((2, 2), (counts[SummaryFigure.ItemsPending], counts.ItemsReported));
        foreach (var figure in Enum.GetValues<SummaryFigure>().Where(f => f is not (SummaryFigure.Bodies or SummaryFigure.BodiesWithOverdue or SummaryFigure.BodiesWithDueSoon)))
        {
            Assert.True(expected[(int)figure] == counts[figure], $"{figure}: {counts[figure]} counted, {expected[(int)figure]} item by item");
        }
    }

    [Fact]
    public void A_body_counts_itself_its_milestones_and_each_item_once()
    {
        var counts = ProgressFigures.ForBody(Sample(), Day(8, 10), China).Counts;

        Assert.Equal((1, 1, 1, 1), (counts.Bodies, counts[SummaryFigure.BodiesReceived], counts[SummaryFigure.BodiesLocalized], counts[SummaryFigure.BodiesPublished]));
        Assert.Equal((1, 79), (counts[SummaryFigure.ReceiveDelayDaysSum], counts[SummaryFigure.PublishDelayDaysSum]));
        Assert.Equal(5, counts.Items);
        Assert.Equal((0, 2, 1, 1, 1), (counts[SummaryFigure.ItemsPending], counts[SummaryFigure.ItemsAcknowledged], counts[SummaryFigure.ItemsInProgress], counts.ItemsReported, counts.ItemsClosed));
        Assert.Equal((1, 1), (counts[SummaryFigure.ItemsReturned], counts[SummaryFigure.Returns]));
    }

    [Fact]
    public void Lights_and_lateness_follow_the_deadlines()
    {
        var counts = ProgressFigures.ForBody(Sample(), Day(8, 10), China).Counts;

        Assert.Equal((1, 10), (counts.ItemsOverdue, counts[SummaryFigure.OverdueDaysSum]));
        Assert.Equal(1, counts.ItemsDueSoon);
        Assert.Equal((1, 1), (counts[SummaryFigure.ItemsDoneOnTime], counts[SummaryFigure.ItemsDoneLate]));
        Assert.Equal((1, 1), (counts[SummaryFigure.BodiesWithOverdue], counts[SummaryFigure.BodiesWithDueSoon]));
    }

    [Fact]
    public void Weights_count_in_the_weighted_figures_only()
    {
        var counts = ProgressFigures.ForBody(Sample(), Day(8, 10), China).Counts;

        Assert.Equal(7, counts[SummaryFigure.WeightTotal]);
        Assert.Equal(4, counts[SummaryFigure.WeightDone]);
        Assert.Equal(3, counts[SummaryFigure.WeightClosed]);
        Assert.Equal((3 * 100) + 100 + 40, counts[SummaryFigure.WeightedPercentSum]);
    }

    [Fact]
    public void A_body_with_red_items_is_its_own_offender()
    {
        var extremes = ProgressFigures.ForBody(Sample(), Day(8, 10), China).Extremes;

        Assert.Equal(new[] { new Offender("141181", 1, 10, 10) }, extremes.Offenders);
        Assert.Equal((79, 10), (extremes.MaxPublishDelayDays, extremes.MaxOverdueDays));
    }

    [Fact]
    public void The_same_progress_turns_red_as_days_pass()
    {
        var body = Sample();

        var before = ProgressFigures.ForBody(body, Day(7, 20), China).Counts;
        var after = ProgressFigures.ForBody(body, Day(8, 20), China).Counts;

        Assert.Equal(0, before.ItemsOverdue);
        Assert.Equal(2, after.ItemsOverdue);
    }

    [Fact]
    public void The_progress_table_shows_each_item_with_its_light_in_plan_order()
    {
        var rows = ItemStanding.Of(Sample(), Day(8, 10), China);

        Assert.Equal(new[] { "1", "2", "3", "4", "5" }, rows.Select(r => r.ItemId));
        Assert.Equal(
            new[] { ProgressLight.Green, ProgressLight.Green, ProgressLight.Red, ProgressLight.Yellow, ProgressLight.Green },
            rows.Select(r => r.Light));
        Assert.Equal(10, rows[2].OverdueDays);
        Assert.Equal(("不全", 40), (rows[4].ReturnReason, rows[4].Percent));
    }
}
