using GovOpenness.Domain.Calendar;
using GovOpenness.Domain.Progress;
using static GovOpenness.Domain.Tests.Progress.ProgressTestData;

namespace GovOpenness.Domain.Tests.Progress;

public class ExplainTests
{
    private static readonly DateOnly Today = Day(8, 10);

    private static (SubtreeRollup Rollup, BodyProgress Own) County()
    {
        var own = new BodyProgress("141181", Year, "1411")
        {
            Milestones = new PlanMilestones(Day(4, 26), Day(4, 27)),
            Targets = [new ItemTarget("2.1", Day(7, 31)), new ItemTarget("2.2", Day(7, 1)), new ItemTarget("2.3", Day(12, 31))],
        };
        var rollup = new SubtreeRollup("141181", Year);
        rollup.SetOwn(ProgressFigures.ForBody(own, Today, WorkingDayCalendar.China));
        foreach (var (child, overdue) in new[] { ("141181001", 4L), ("141181002", 0L), ("141181003", 7L) })
        {
            var counts = SummaryCounts.From([1, 1, 0, 0, 0, 0, overdue > 0 ? 1 : 0, 0, 30, 30 - overdue, 0, 0, 0, 0, 0, overdue]);
            rollup.Receive(new SummaryOutbox(child, Year, 1).TakeDelta(new SubtreeSummary(child, Year, counts, SummaryExtremes.None))!);
        }

        return (rollup, own);
    }

    [Fact]
    public void An_overdue_count_opens_into_the_bodys_items_and_its_children()
    {
        var (rollup, own) = County();

        var explained = rollup.Explain(SummaryFigure.ItemsOverdue, own, Today, WorkingDayCalendar.China);

        Assert.Equal(13, explained.Total);
        Assert.Equal(
            new[] { (FigurePartKind.Item, "2.1", 1L), (FigurePartKind.Item, "2.2", 1L), (FigurePartKind.Child, "141181003", 7L), (FigurePartKind.Child, "141181001", 4L) },
            explained.Parts.Select(p => (p.Kind, p.Id, p.Value)));
    }

    [Fact]
    public void Body_figures_open_into_the_body_itself_and_its_children()
    {
        var (rollup, own) = County();

        var explained = rollup.Explain(SummaryFigure.BodiesWithOverdue, own, Today, WorkingDayCalendar.China);

        Assert.Equal(3, explained.Total);
        Assert.Equal(new[] { "141181", "141181001", "141181003" }, explained.Parts.Select(p => p.Id));
        Assert.Equal(FigurePartKind.Body, explained.Parts[0].Kind);
    }

    [Fact]
    public void The_parts_of_every_figure_add_up_to_its_total()
    {
        var (rollup, own) = County();

        Assert.All(Enum.GetValues<SummaryFigure>(), figure =>
        {
            var explained = rollup.Explain(figure, own, Today, WorkingDayCalendar.China);
            Assert.Equal(rollup.Summary.Counts[figure], explained.Total);
            Assert.Equal(explained.Total, explained.Parts.Sum(p => p.Value));
        });
    }
}
