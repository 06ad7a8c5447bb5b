using GovOpenness.Domain.Calendar;
using GovOpenness.Domain.Localization;
using GovOpenness.Domain.Simulation;
using GovOpenness.Domain.Simulation.Replay;

namespace GovOpenness.Domain.Tests.Simulation;

/// <summary>The live engine's schedule: the fast engine's dates, in an order the grains can follow.</summary>
public sealed class ReplayScheduleTests
{
    private static readonly SimulationRun Run = SimulationEngine.Run(Scenarios.Read(Scenarios.Lvliang()));
    private static readonly ReplaySchedule Schedule = ReplaySchedule.From(Run);

    [Fact]
    public void Every_body_receives_and_issues_once_and_completes_every_item_once_on_the_engines_days()
    {
        var received = Positions(ReplayStepKind.Receive);
        var issued = Positions(ReplayStepKind.Issue);
        Assert.Equal(Run.Hierarchy.Count, received.Count);
        Assert.Equal(Run.Hierarchy.Count, issued.Count);
        var completed = Schedule.Batches.Where(b => b.Kind == ReplayStepKind.Complete)
            .SelectMany(b => b.Steps.SelectMany(s => s.Items.Select(k => (s.Body, k, b.Date)))).ToList();
        Assert.Equal(Run.Hierarchy.Count * Run.ItemCount, completed.Count);
        Assert.Equal(completed.Count, completed.Select(c => (c.Body, c.k)).Distinct().Count());
        Assert.All(completed, c => Assert.Equal(Run.Days.DateOf(Run.Completions[(c.Body * Run.ItemCount) + c.k]), c.Date));
        Assert.Equal((2 * Run.Hierarchy.Count) + completed.Count, Schedule.EventCount);

        for (var body = 0; body < Run.Hierarchy.Count; body++)
        {
            Assert.Equal(Run.ReceiptOf(body), Schedule.Batches[received[body]].Date);
            Assert.Equal(Run.IssueOf(body), Schedule.Batches[issued[body]].Date);
        }
    }

    [Fact]
    public void A_body_receives_after_its_parent_issued_and_before_it_issues_itself()
    {
        var received = Positions(ReplayStepKind.Receive);
        var issued = Positions(ReplayStepKind.Issue);
        Assert.True(issued[0] < received[0], "the root acknowledges its own plan once it is published");
        for (var body = 1; body < Run.Hierarchy.Count; body++)
        {
            Assert.True(issued[Run.Hierarchy.Parents[body]] < received[body], $"body {Run.Hierarchy.IdOf(body)}");
            Assert.True(received[body] < issued[body], $"body {Run.Hierarchy.IdOf(body)}");
        }

        var dates = Schedule.Batches.Select(b => b.Date).ToList();
        Assert.Equal(dates.Order().ToList(), dates);
    }

    [Fact]
    public void A_body_issues_with_the_policy_the_engine_ran_for_it_and_the_policy_gives_the_engines_dates()
    {
        var moved = 0;
        for (var body = 1; body < Run.Hierarchy.Count; body++)
        {
            var policy = Schedule.PolicyOf(body);
            var parent = Run.Hierarchy.Parents[body];
            var parentPlan = new PublishedPlan(Run.Hierarchy.IdOf(parent), Schedule.Year, 1, null, null, null,
                [.. Run.Scenario.Items.Select((item, k) => new Domain.Plans.PlanItem(item.Id, ["一", "1"], item.Heading, item.Heading,
                    [new Domain.Plans.Deadline("", Domain.Plans.DeadlineKind.By, Run.DeadlineOf(parent, k))], [], 0))]);
            var changes = policy.Apply(parentPlan, WorkingDayCalendar.China, Run.Hierarchy.IdOf(body)).Changes
                .Cast<TightenDeadline>().ToDictionary(c => c.ItemId);
            for (var k = 0; k < Run.ItemCount; k++)
            {
                var id = Run.Scenario.Items[k].Id;
                if (Run.DeadlineOf(body, k) == Run.DeadlineOf(parent, k))
                {
                    Assert.False(changes.ContainsKey(id));
                    continue;
                }

                moved++;
                Assert.Equal(Run.DeadlineOf(body, k), changes[id].NewDate);
                Assert.False(changes[id].ApprovedException, "no rule here allows a later deadline");
            }
        }

        Assert.True(moved > 0);
        Assert.Throws<ArgumentOutOfRangeException>(() => Schedule.PolicyOf(0));
    }

    /// <summary>For each body, the index of the batch where it does <paramref name="kind"/>.</summary>
    private static Dictionary<int, int> Positions(ReplayStepKind kind)
    {
        var positions = new Dictionary<int, int>();
        for (var i = 0; i < Schedule.Batches.Count; i++)
        {
            if (Schedule.Batches[i].Kind == kind)
            {
                foreach (var step in Schedule.Batches[i].Steps)
                {
                    positions.Add(step.Body, i);
                }
            }
        }

        return positions;
    }
}
