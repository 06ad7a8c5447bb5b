using GovOpenness.Domain.Calendar;
using GovOpenness.Domain.Progress;
using static GovOpenness.Domain.Tests.Progress.ProgressTestData;

namespace GovOpenness.Domain.Tests.Progress;

public class SubtreeRollupTests
{
    private static SubtreeSummary Leaf(string id, long items, long overdue) =>
        new(id, Year, SummaryCounts.From([1, 0, 0, 0, 0, 0, overdue > 0 ? 1 : 0, 0, items, 0, 0, 0, 0, 0, 0, overdue]), SummaryExtremes.None);

    [Fact]
    public void Own_figures_equal_to_those_held_change_nothing_and_say_so()
    {
        var rollup = new SubtreeRollup("141181", Year);
        var figures = new OwnFigures(ProgressFigures.ForBodyLevel(new PlanMilestones(ReceivedOn: new DateOnly(Year, 5, 6))), SummaryExtremes.None);

        Assert.True(rollup.SetOwn(figures));
        var version = rollup.Version;
        Assert.False(rollup.SetOwn(figures with { }));
        Assert.Equal(version, rollup.Version);
        Assert.Equal(1, rollup.Summary.Counts[SummaryFigure.BodiesReceived]);
    }

    [Fact]
    public void A_retried_delta_is_counted_once()
    {
        var parent = new SubtreeRollup("1411", Year);
        var outbox = new SummaryOutbox("141181", Year, epoch: 1);
        var delta = outbox.TakeDelta(Leaf("141181", 30, 2))!;

        var first = parent.Receive(delta);
        var retry = parent.Receive(delta);

        Assert.Equal((DeltaOutcome.Applied, DeltaOutcome.Duplicate), (first.Outcome, retry.Outcome));
        Assert.Equal(30, parent.Summary.Counts.Items);
    }

    [Fact]
    public void A_lost_receipt_is_recovered_from_the_next_answer()
    {
        var parent = new SubtreeRollup("1411", Year);
        var outbox = new SummaryOutbox("141181", Year, epoch: 1);
        outbox.Acknowledge(parent.Receive(outbox.TakeDelta(Leaf("141181", 30, 0))!));
        parent.Receive(outbox.TakeDelta(Leaf("141181", 30, 2))!); // applied, receipt lost

        var stale = parent.Receive(outbox.TakeDelta(Leaf("141181", 30, 3))!);
        outbox.Acknowledge(stale);
        var resent = parent.Receive(outbox.TakeDelta(Leaf("141181", 30, 3))!);

        Assert.Equal(DeltaOutcome.Resend, stale.Outcome);
        Assert.Equal(DeltaOutcome.Applied, resent.Outcome);
        Assert.Equal(3, parent.Summary.Counts.ItemsOverdue);
    }

    [Fact]
    public void Nothing_is_sent_once_the_parent_holds_the_current_summary()
    {
        var parent = new SubtreeRollup("1411", Year);
        var outbox = new SummaryOutbox("141181", Year, epoch: 1);
        var summary = Leaf("141181", 30, 1);
        outbox.Acknowledge(parent.Receive(outbox.TakeDelta(summary)!));

        Assert.Null(outbox.TakeDelta(summary));
        Assert.True(outbox.IsSettled(summary));
    }

    [Fact]
    public void A_restarted_child_replaces_what_the_parent_held_and_its_old_messages_are_ignored()
    {
        var parent = new SubtreeRollup("1411", Year);
        var before = new SummaryOutbox("141181", Year, epoch: 1);
        var old = before.TakeDelta(Leaf("141181", 30, 5))!;
        parent.Receive(old);
        var after = new SummaryOutbox("141181", Year, epoch: 2);

        var full = parent.Receive(after.TakeDelta(Leaf("141181", 30, 1))!);
        var late = parent.Receive(old with { Sequence = 99 });

        Assert.Equal(DeltaOutcome.Applied, full.Outcome);
        Assert.Equal(DeltaOutcome.Duplicate, late.Outcome);
        Assert.Equal(1, parent.Summary.Counts.ItemsOverdue);
    }

    [Fact]
    public void A_rebuilt_parent_asks_for_everything_and_gets_it_once()
    {
        var outbox = new SummaryOutbox("141181", Year, epoch: 1);
        var oldParent = new SubtreeRollup("1411", Year);
        outbox.Acknowledge(oldParent.Receive(outbox.TakeDelta(Leaf("141181", 30, 1))!));
        var parent = new SubtreeRollup("1411", Year);

        var answer = parent.Receive(outbox.TakeDelta(Leaf("141181", 30, 2))!);
        outbox.Acknowledge(answer);
        var full = outbox.TakeDelta(Leaf("141181", 30, 2))!;
        parent.Receive(full);

        Assert.Equal((DeltaOutcome.Resend, 0L), (answer.Outcome, answer.AppliedThrough));
        Assert.True(full.IsFull);
        Assert.Equal(2, parent.Summary.Counts.ItemsOverdue);
    }

    [Fact]
    public void A_delta_for_another_year_is_refused_with_a_message()
    {
        var parent = new SubtreeRollup("1411", 2022);
        var delta = new SummaryOutbox("141181", 2021, 1).TakeDelta(Leaf("141181", 1, 0) with { Year = 2021 })!;

        var error = Assert.Throws<ArgumentException>(() => parent.Receive(delta));

        Assert.Contains("2021", error.Message);
    }

    [Fact]
    public void A_removed_child_no_longer_counts()
    {
        var parent = new SubtreeRollup("14", Year);
        parent.Receive(new SummaryOutbox("14.sthj", Year, 1).TakeDelta(Leaf("14.sthj", 12, 1))!);
        parent.Receive(new SummaryOutbox("1411", Year, 1).TakeDelta(Leaf("1411", 30, 0))!);

        Assert.True(parent.RemoveChild("14.sthj"));

        Assert.Equal((1, 30, 0), (parent.Summary.Counts.Bodies, parent.Summary.Counts.Items, parent.Summary.Counts.ItemsOverdue));
    }

    [Fact]
    public void The_version_moves_only_when_something_changed()
    {
        var rollup = new SubtreeRollup("141181", Year);
        var own = ProgressFigures.ForBody(new BodyProgress("141181", Year, "1411"), Day(6, 1), WorkingDayCalendar.China);
        rollup.SetOwn(own);
        var version = rollup.Version;

        rollup.SetOwn(own with { });

        Assert.Equal(version, rollup.Version);
        Assert.Equal(1, rollup.Summary.Counts.Bodies);
    }

    [Fact]
    public void A_restarted_child_that_reuses_its_epoch_still_gets_through()
    {
        var parent = new SubtreeRollup("1411", Year);
        var before = new SummaryOutbox("141181", Year, epoch: 5);
        for (var i = 0; i < 10; i++)
        {
            before.Acknowledge(parent.Receive(before.TakeDelta(Leaf("141181", 30, i))!));
        }

        var after = new SummaryOutbox("141181", Year, epoch: 5);
        var ignored = parent.Receive(after.TakeDelta(Leaf("141181", 30, 20))!);
        after.Acknowledge(ignored);
        var resent = parent.Receive(after.TakeDelta(Leaf("141181", 30, 20))!);

        Assert.Equal(DeltaOutcome.Duplicate, ignored.Outcome);
        Assert.Equal(DeltaOutcome.Applied, resent.Outcome);
        Assert.Equal(20, parent.Summary.Counts.ItemsOverdue);
    }
}
