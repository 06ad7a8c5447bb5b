using GovOpenness.Abstractions;
using GovOpenness.Abstractions.Diagnostics;
using GovOpenness.Grains.Hosting;
using GovOpenness.Grains.State;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;

namespace GovOpenness.Grains.Tests;

/// <summary>
/// The publisher's acknowledgement flush (one outbox write for however many subtrees acknowledged since
/// the last) runs on the grains' clock, a FakeTimeProvider here with the interval a minute. Deliveries
/// are held in the outbox, so the test acknowledges for a child itself and reads the outbox as stored.
/// </summary>
public sealed class AcknowledgementFlushTimerTests(AcknowledgementFlushTimerTests.HeldCluster cluster) : IClassFixture<AcknowledgementFlushTimerTests.HeldCluster>
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Tick = TimeSpan.FromTicks(1);
    private IGrainFactory Grains => cluster.Cluster.Client;

    [Fact]
    public async Task An_acknowledgement_is_written_to_the_outbox_exactly_one_flush_interval_after_the_publish()
    {
        var key = Guid.NewGuid().ToString("N")[..10];
        var (parent, first, second) = ($"11.a{key}", $"11.b{key}", $"11.c{key}");
        await TestPlans.Register(Grains, parent, "确认测试厅", "11");
        await TestPlans.Register(Grains, first, "确认测试一处", parent);
        await TestPlans.Register(Grains, second, "确认测试二处", parent);
        Assert.True((await Grains.GetGrain<IBodyGrain>(parent).PublishPlanAsync(TestPlans.ThreeItems(2022))).Succeeded);
        var status = await Grains.GetGrain<IBodyDiagnosticsGrain>(parent).GetDeliveryStatusAsync(2022);
        Assert.Equal(new[] { first, second }.Order(StringComparer.Ordinal), status!.Pending);

        // The first child's subtree has the version; the second's has not: the run stays open.
        // (A one-way call: the publisher signals that it holds the acknowledgement.)
        var acknowledgements = $"{parent}/2022/acknowledgements";
        var held = cluster.Tracker.WaitForEntryAsync(PendingWork.Delivery, acknowledgements);
        await Grains.GetGrain<IBodyDeliveryGrain>(parent).AcknowledgeAsync(2022, status.Stamp, first);
        await held.WaitAsync(Limit);

        cluster.Clock.Advance(cluster.Cascade.AcknowledgementFlushInterval - Tick);
        Assert.True(cluster.Tracker.IsPending(PendingWork.Delivery, acknowledgements));
        Assert.Empty((await StoredOutboxAsync(parent)).Years[2022].Acknowledged);

        cluster.Clock.Advance(Tick);
        await cluster.Tracker.WaitForExitAsync(PendingWork.Delivery, acknowledgements).WaitAsync(Limit);
        var stored = (await StoredOutboxAsync(parent)).Years[2022];
        Assert.Equal(status.Stamp, stored.Stamp);
        Assert.Equal(new[] { first }, stored.Acknowledged);
        Assert.False(stored.Complete);
        Assert.Equal(new[] { second }, (await Grains.GetGrain<IBodyDiagnosticsGrain>(parent).GetDeliveryStatusAsync(2022))!.Pending);
    }

    /// <summary>The body's outbox as the silo's plan storage holds it (what a restarted body resumes from).</summary>
    private async Task<Outbox> StoredOutboxAsync(string bodyId)
    {
        var storage = cluster.SiloServices.GetRequiredKeyedService<IGrainStorage>(StorageNames.Plans);
        var state = new GrainState<Outbox>(new Outbox());
        await storage.ReadStateAsync("body-outbox", GrainId.Create("body", bodyId), state);
        return state.State ?? throw new InvalidOperationException($"“{bodyId}”没有存储的发件箱");
    }

    /// <summary>The timed cluster with every delivery held in the outbox.</summary>
    public sealed class HeldCluster : GrainTimerTests.TimedCluster
    {
        protected override bool Dispatch => false;
    }
}
