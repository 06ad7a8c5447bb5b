using GovOpenness.Abstractions;
using GovOpenness.Abstractions.Diagnostics;

namespace GovOpenness.Grains.Tests;

/// <summary>
/// A publisher that leaves in the middle of its run (here a failed write after the run began sends it
/// away) holds the run nowhere: the outbox registry asks it to resume one resume interval later, on the
/// grains' clock (a FakeTimeProvider), without waiting for a silo to start. Deliveries are held in the
/// outbox, so the resumed run stays visible as pending work.
/// </summary>
public sealed class OutboxResumeTimerTests(AcknowledgementFlushTimerTests.HeldCluster cluster) : IClassFixture<AcknowledgementFlushTimerTests.HeldCluster>
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_publisher_that_left_mid_run_is_resumed_one_interval_later()
    {
        var grains = cluster.Cluster.Client;
        var key = Guid.NewGuid().ToString("N")[..10];
        var (parent, child) = ($"11.o{key}", $"11.p{key}");
        await TestPlans.Register(grains, parent, "续发测试厅", "11");
        await TestPlans.Register(grains, child, "续发测试处", parent);

        // The plan and the outbox are stored and the run has begun when the history write fails.
        StorageFaults.FailNextWrite("body-plan-history", parent);
        await Assert.ThrowsAnyAsync<Exception>(() => grains.GetGrain<IBodyGrain>(parent).PublishPlanAsync(TestPlans.ThreeItems(2022)));
        var run = $"{parent}/2022";
        await cluster.Tracker.WaitForExitAsync(PendingWork.Delivery, run).WaitAsync(Limit);

        var resumed = cluster.Tracker.WaitForEntryAsync(PendingWork.Delivery, run);
        cluster.Clock.Advance(cluster.Cascade.OutboxResumeInterval - TimeSpan.FromTicks(1));
        Assert.False(cluster.Tracker.IsPending(PendingWork.Delivery, run));
        cluster.Clock.Advance(TimeSpan.FromTicks(1));
        await resumed.WaitAsync(Limit);

        var status = await grains.GetGrain<IBodyDiagnosticsGrain>(parent).GetDeliveryStatusAsync(2022);
        Assert.Equal([child], status!.Pending);
    }
}
