using GovOpenness.Abstractions.Diagnostics;
using GovOpenness.Grains.Hosting;

namespace GovOpenness.Grains.Tests;

/// <summary>The silo's settled signal on its own: it completes exactly when the last pending work leaves.</summary>
public sealed class SettleTrackerTests
{
    [Fact]
    public async Task TheSignalCompletesOnlyWhenEveryKindOfWorkHasLeft()
    {
        var tracker = new SettleTracker();
        Assert.True(tracker.WaitSettledAsync().IsCompletedSuccessfully);

        tracker.Enter(PendingWork.Flush, "141181/2022");
        tracker.Enter(PendingWork.Flush, "141181/2022"); // the same work twice counts once
        tracker.Enter(PendingWork.Forward, 2);
        var settled = tracker.WaitSettledAsync();
        var flushed = tracker.WaitIdleAsync(PendingWork.Flush);

        tracker.Exit(PendingWork.Flush, "141181/2022");
        Assert.True(flushed.IsCompletedSuccessfully);
        Assert.False(settled.IsCompleted);
        var report = tracker.Report("s1");
        Assert.False(report.Settled);
        Assert.Equal(2, Assert.Single(report.Pending).Count);

        tracker.Exit(PendingWork.Forward);
        Assert.False(settled.IsCompleted);
        tracker.Exit(PendingWork.Forward);
        await settled;
        Assert.True(tracker.Report("s1").Settled);
    }

    [Fact]
    public async Task AWaitForEntryCompletesWhenThatWorkIsEnteredAndAtOnceWhenItIsPending()
    {
        var tracker = new SettleTracker();
        var entered = tracker.WaitForEntryAsync(PendingWork.Delivery, "14/2022/acknowledgements");

        tracker.Enter(PendingWork.Delivery, "14/2022");
        Assert.False(entered.IsCompleted);

        tracker.Enter(PendingWork.Delivery, "14/2022/acknowledgements");
        await entered;
        Assert.True(tracker.WaitForEntryAsync(PendingWork.Delivery, "14/2022").IsCompletedSuccessfully);
        Assert.False(tracker.WaitForEntryAsync(PendingWork.Flush, "14/2022").IsCompleted);
    }

    [Fact]
    public void TheReportNamesWhatIsPendingAndEveryMoveCounts()
    {
        var tracker = new SettleTracker();
        tracker.Enter(PendingWork.Delivery, "14/2022");
        tracker.Enter(PendingWork.Delivery, "1411/2022");
        tracker.Exit(PendingWork.Push, "never-entered"); // leaving what was never entered changes nothing
        var report = tracker.Report("s1");

        var deliveries = Assert.Single(report.Pending);
        Assert.Equal(PendingWork.Delivery, deliveries.Kind);
        Assert.Equal(["14/2022", "1411/2022"], deliveries.Keys);
        Assert.Equal(2, report.Changes);
    }

    [Fact]
    public async Task APushLostOnTheWayIsSettledByTheNextOneButAnOlderArrivalNeverSettlesANewerOne()
    {
        var tracker = new SettleTracker();
        tracker.EnterVersion(PendingWork.Forward, "141181/2022", (1, 5)); // lost: never forwarded
        tracker.EnterVersion(PendingWork.Forward, "141181/2022", (1, 7));
        var settled = tracker.WaitSettledAsync();

        tracker.ExitVersion(PendingWork.Forward, "141181/2022", (1, 6)); // an older one arriving late
        Assert.False(settled.IsCompleted);
        Assert.Equal(["141181/2022"], Assert.Single(tracker.Report("s1").Pending).Keys);

        tracker.ExitVersion(PendingWork.Forward, "141181/2022", (1, 7));
        await settled;
    }
}

