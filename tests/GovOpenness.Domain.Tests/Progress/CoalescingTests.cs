using GovOpenness.Domain.Calendar;
using GovOpenness.Domain.Progress;

namespace GovOpenness.Domain.Tests.Progress;

public class CoalescingTests
{
    [Fact]
    public void A_burst_of_leaf_updates_costs_the_root_one_delta_per_child_per_flush()
    {
        var today = new DateOnly(2022, 8, 10);
        var calendar = WorkingDayCalendar.China;
        var root = new SubtreeRollup("14", 2022);
        var counties = Enumerable.Range(0, 3).Select(c => (Id: $"14{c:D2}", Rollup: new SubtreeRollup($"14{c:D2}", 2022), Outbox: new SummaryOutbox($"14{c:D2}", 2022, 1))).ToArray();
        var leaves = counties.SelectMany(c => Enumerable.Range(0, 50).Select(t => (County: c, Body: new BodyProgress($"{c.Id}{t:D3}", 2022, c.Id)
        {
            Targets = [new ItemTarget("1.1", today.AddDays(-5)), new ItemTarget("1.2", today.AddDays(30))],
        }, Outbox: new SummaryOutbox($"{c.Id}{t:D3}", 2022, 1)))).ToArray();
        var random = new Random(5);

        for (var u = 0; u < 1000; u++)
        {
            var i = random.Next(leaves.Length);
            var leaf = leaves[i];
            var step = leaf.Body.ProgressOf("1.1").Status == ItemStatus.Pending ? ProgressStep.Acknowledged : ProgressStep.InProgress;
            leaves[i] = leaf with { Body = leaf.Body.Apply(new ProgressUpdate(2022, "1.1", step, Percent: u % 101), today).Body };
        }

        foreach (var (county, body, outbox) in leaves)
        {
            var own = new SubtreeRollup(body.BodyId, 2022);
            own.SetOwn(ProgressFigures.ForBody(body, today, calendar));
            outbox.Acknowledge(county.Rollup.Receive(outbox.TakeDelta(own.Summary)!));
        }

        var deltasToRoot = 0;
        foreach (var (_, rollup, outbox) in counties)
        {
            rollup.SetOwn(ProgressFigures.ForBody(new BodyProgress(rollup.BodyId, 2022, "14"), today, calendar));
            if (outbox.TakeDelta(rollup.Summary) is { } delta)
            {
                outbox.Acknowledge(root.Receive(delta));
                deltasToRoot++;
            }
        }

        Assert.Equal(counties.Length, deltasToRoot);
        Assert.Equal(counties.Length + leaves.Length, root.Summary.Counts.Bodies);
        Assert.Equal(leaves.Count(l => l.Body.ProgressOf("1.1").Status != ItemStatus.Pending), root.Summary.Counts[SummaryFigure.ItemsAcknowledged] + root.Summary.Counts[SummaryFigure.ItemsInProgress]);
        Assert.Equal(leaves.Length, root.Summary.Counts.ItemsOverdue);
    }
}
