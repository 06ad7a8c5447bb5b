using GovOpenness.Abstractions.Diagnostics;
using GovOpenness.Domain.Progress;
using GovOpenness.Grains.Hosting;
using GovOpenness.Grains.Pipeline;
using Microsoft.Extensions.Time.Testing;

namespace GovOpenness.Grains.Tests;

/// <summary>
/// The progress grain's two throttles on their own, on a FakeTimeProvider: what each arms, to the tick,
/// and what it sends. The grain's timers firing on those waits are pinned by <see cref="GrainTimerTests"/>.
/// </summary>
public sealed class ProgressThrottleTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(200);
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2022, 10, 14, 2, 0, 0, TimeSpan.Zero));

    [Fact]
    public void A_flush_is_due_at_once_then_one_interval_after_the_previous_one_started_and_is_armed_once()
    {
        var armed = new List<TimeSpan>();
        var flush = new FlushThrottle(_clock, Interval, armed.Add);

        flush.Arm();
        Assert.Equal(new[] { TimeSpan.Zero }, armed);
        var armedAt = _clock.GetTimestamp();
        _clock.Advance(TimeSpan.FromMilliseconds(5));
        Assert.Equal(armedAt, flush.Start());

        // A change 30 ms after the flush started: due 170 ms later; further changes do not postpone it.
        _clock.Advance(TimeSpan.FromMilliseconds(30));
        flush.Arm();
        _clock.Advance(TimeSpan.FromMilliseconds(100));
        flush.Arm();
        Assert.Equal(new[] { TimeSpan.Zero, TimeSpan.FromMilliseconds(170) }, armed);

        // Started late (the silo was busy): the next change is due at once.
        _clock.Advance(TimeSpan.FromMilliseconds(300));
        flush.Start();
        _clock.Advance(Interval);
        flush.Arm();
        Assert.Equal(new[] { TimeSpan.Zero, TimeSpan.FromMilliseconds(170), TimeSpan.Zero }, armed);
    }

    [Fact]
    public void A_push_goes_at_once_then_waits_out_the_interval_with_the_latest_view_and_skips_an_unchanged_one()
    {
        var settle = new SettleTracker();
        var rollup = new SubtreeRollup("1411", 2022);
        var epoch = 7L;
        var armed = new List<TimeSpan>();
        var sent = new List<SummaryView>();
        var push = new PushThrottle(_clock, Interval, settle, "1411/2022", armed.Add, () => SummaryView.Of(rollup, epoch), sent.Add);

        push.Changed();
        Assert.Single(sent);
        Assert.Empty(armed);
        Assert.False(settle.IsPending(PendingWork.Push, "1411/2022"));

        // 50 ms later: armed for the 150 ms left, once however many changes come meanwhile.
        _clock.Advance(TimeSpan.FromMilliseconds(50));
        rollup.SetOwn(new OwnFigures(ProgressFigures.ForBodyLevel(new PlanMilestones(ReceivedOn: new DateOnly(2022, 5, 6))), SummaryExtremes.None));
        push.Changed();
        _clock.Advance(TimeSpan.FromMilliseconds(100));
        push.Changed();
        Assert.Equal(new[] { TimeSpan.FromMilliseconds(150) }, armed);
        Assert.Single(sent);
        Assert.True(settle.IsPending(PendingWork.Push, "1411/2022"));

        _clock.Advance(TimeSpan.FromMilliseconds(50));
        push.Due();
        Assert.Equal(2, sent.Count);
        Assert.Equal(rollup.Summary, sent[1].Summary);
        Assert.False(settle.IsPending(PendingWork.Push, "1411/2022"));

        // A new epoch alone is no change worth a push; the work is still counted off.
        _clock.Advance(Interval);
        epoch = 8;
        push.Changed();
        Assert.Equal(2, sent.Count);
        Assert.False(settle.IsPending(PendingWork.Push, "1411/2022"));
    }

    [Fact]
    public void The_pushed_content_follows_the_summary_and_the_ranking_but_not_the_epoch_or_sequence()
    {
        var rollup = new SubtreeRollup("1411", 2022);
        var first = SummaryView.Of(rollup, 7);

        // Rebuilt from the same figures in another epoch, at another sequence: the same content.
        Assert.True(PushThrottle.SameContent(first, SummaryView.Of(rollup, 8) with { Sequence = 99 }));

        // The own figures change: the summary's counts differ.
        rollup.SetOwn(new OwnFigures(ProgressFigures.ForBodyLevel(new PlanMilestones(ReceivedOn: new DateOnly(2022, 5, 6))), SummaryExtremes.None));
        var own = SummaryView.Of(rollup, 7);
        Assert.False(PushThrottle.SameContent(first, own));

        // Only the ranking differs (the same summary, another child's score): still a change.
        var view = SummaryView.Of(rollup, 7);
        var ranked = view with { Ranking = [new RankedBody(1, "141101", view.Score)] };
        Assert.False(PushThrottle.SameContent(own, ranked));
        Assert.True(PushThrottle.SameContent(ranked, view with { Ranking = [new RankedBody(1, "141101", view.Score)], Epoch = 9 }));
    }
}
