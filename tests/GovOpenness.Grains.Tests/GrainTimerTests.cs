using System.Collections.Concurrent;
using System.Collections.Immutable;
using GovOpenness.Abstractions;
using GovOpenness.Abstractions.Diagnostics;
using GovOpenness.Abstractions.Live;
using GovOpenness.Domain.Progress;
using GovOpenness.Grains.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Orleans.TestingHost;

namespace GovOpenness.Grains.Tests;

/// <summary>
/// The progress pipeline's timers (the flush of a child's delta to its parent, the push of a changed
/// summary, the live notifier's batch) run on the grains' clock: here a FakeTimeProvider that only the
/// test moves, with every interval a minute. Each fact holds the clock one tick short of the interval
/// (the work stays pending), moves it the last tick and waits for the silo's own signal that the work
/// was done (<see cref="SettleTracker.WaitForExitAsync"/>), then reads the exact figure.
/// </summary>
public sealed class GrainTimerTests(GrainTimerTests.TimedCluster cluster) : IClassFixture<GrainTimerTests.TimedCluster>
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Tick = TimeSpan.FromTicks(1);
    private IGrainFactory Grains => cluster.Cluster.Client;

    [Fact]
    public async Task A_childs_step_reaches_its_parent_exactly_one_flush_interval_after_the_previous_flush()
    {
        var (parent, child) = await cluster.PublishedPairAsync();
        var key = IProgressGrain.Key(child, 2022);

        // The child's receipt (through the relay) activated its progress grain, whose first flush is due at
        // once: let that end first, or the step could ride along as its second round and never wait.
        await cluster.Tracker.WaitIdleAsync(PendingWork.MilestoneNote).WaitAsync(Limit);
        await ProgressProbe.FlushAsync(Grains, child);

        // A first step, flushed when the clock passes the interval: that flush is the previous one.
        Assert.True((await ProgressProbe.PostAsync(Grains, child, new ProgressUpdate(2022, "1.1", ProgressStep.Acknowledged))).Succeeded);
        Assert.True(cluster.Tracker.IsPending(PendingWork.Flush, key));
        cluster.Clock.Advance(cluster.Cascade.ProgressFlushInterval);
        await cluster.Tracker.WaitForExitAsync(PendingWork.Flush, key).WaitAsync(Limit);
        Assert.Equal(1, await AcknowledgedAsync(parent));

        // A second step at the same instant waits for the interval, to the tick.
        Assert.True((await ProgressProbe.PostAsync(Grains, child, new ProgressUpdate(2022, "1.2", ProgressStep.Acknowledged))).Succeeded);
        Assert.True(cluster.Tracker.IsPending(PendingWork.Flush, key));

        cluster.Clock.Advance(cluster.Cascade.ProgressFlushInterval - Tick);
        Assert.True(cluster.Tracker.IsPending(PendingWork.Flush, key));
        Assert.Equal(1, await AcknowledgedAsync(parent));

        cluster.Clock.Advance(Tick);
        await cluster.Tracker.WaitForExitAsync(PendingWork.Flush, key).WaitAsync(Limit);
        Assert.Equal(2, await AcknowledgedAsync(parent));
    }

    [Fact]
    public async Task A_summary_changed_within_the_push_interval_is_pushed_when_the_interval_has_passed()
    {
        var (_, child) = await cluster.PublishedPairAsync();
        var key = IProgressGrain.Key(child, 2022);

        // Watched, as by a viewer (silos push only what somebody watches). The first change since is pushed
        // at once (the activation's, when the silo did not filter yet, or the first step's); a step at the
        // same instant waits for the push interval.
        await cluster.WatchAsync(child);
        await ProgressProbe.CountsAsync(Grains, child);
        Assert.True((await ProgressProbe.PostAsync(Grains, child, new ProgressUpdate(2022, "1.1", ProgressStep.Acknowledged))).Succeeded);
        Assert.True((await ProgressProbe.PostAsync(Grains, child, new ProgressUpdate(2022, "1.2", ProgressStep.Acknowledged))).Succeeded);
        Assert.True(cluster.Tracker.IsPending(PendingWork.Push, key));

        cluster.Clock.Advance(cluster.Live.PushInterval - Tick);
        Assert.True(cluster.Tracker.IsPending(PendingWork.Push, key));

        cluster.Clock.Advance(Tick);
        await cluster.Tracker.WaitForExitAsync(PendingWork.Push, key).WaitAsync(Limit);
    }

    [Fact]
    public async Task A_summary_nobody_watches_is_not_pushed_and_is_from_the_first_change_after_a_viewer_watches_it()
    {
        await cluster.SiloServices.GetRequiredService<Live.LiveInterest>().Filtering.WaitAsync(Limit);
        var (_, child) = await cluster.PublishedPairAsync();
        var key = IProgressGrain.Key(child, 2022);

        // Watched, the same step would be pending a push here (the test above); nobody watches it.
        await ProgressProbe.CountsAsync(Grains, child);
        Assert.True((await ProgressProbe.PostAsync(Grains, child, new ProgressUpdate(2022, "1.1", ProgressStep.Acknowledged))).Succeeded);
        Assert.False(cluster.Tracker.IsPending(PendingWork.Push, key));
        Assert.False(cluster.Tracker.IsPending(PendingWork.Forward, key));

        // Once watched, the next change goes to the notifier at once (its batch waits for the clock).
        await cluster.WatchAsync(child);
        Assert.True((await ProgressProbe.PostAsync(Grains, child, new ProgressUpdate(2022, "1.2", ProgressStep.Acknowledged))).Succeeded);
        Assert.True(cluster.Tracker.IsPending(PendingWork.Forward, key));
    }

    [Fact]
    public async Task The_notifier_forwards_a_push_to_the_hosts_on_its_batch_tick_with_the_figures_pushed()
    {
        var (_, child) = await cluster.PublishedPairAsync();
        var key = IProgressGrain.Key(child, 2022);
        var observer = new Recorder();
        var reference = cluster.Cluster.Client.CreateObjectReference<ISummaryObserver>(observer);
        var registry = Grains.GetGrain<ILiveRegistryGrain>(ILiveRegistryGrain.Key);
        await registry.SubscribeAsync("timers-" + child, reference);
        await registry.WatchAsync("timers-" + child, [key], 1);
        try
        {
            await ProgressProbe.CountsAsync(Grains, child);
            Assert.True((await ProgressProbe.PostAsync(Grains, child, new ProgressUpdate(2022, "1.1", ProgressStep.Acknowledged))).Succeeded);
            var forwarded = observer.WaitForAsync(p => p.BodyId == child && Acknowledged(p) == 1);
            cluster.Clock.Advance(cluster.Live.PushInterval);
            await cluster.Tracker.WaitForExitAsync(PendingWork.Push, key).WaitAsync(Limit);

            // The batch interval is a minute here: only moving the clock forwards the push. The push is a
            // one-way call, so should the clock move before the notifier has queued it, its tick is armed
            // afterwards and the next move fires it: each move is followed by waiting for the observer.
            for (var moves = 0; !forwarded.IsCompleted; moves++)
            {
                Assert.True(moves < 3, "三次批量间隔后仍未转发推送");
                cluster.Clock.Advance(cluster.Live.BatchInterval);
                try
                {
                    await forwarded.WaitAsync(Limit / 6);
                }
                catch (TimeoutException)
                {
                    // Moved before the notifier queued the push: the next move fires the tick armed since.
                }
            }

            var push = await forwarded;
            Assert.Equal(1, Acknowledged(push));
        }
        finally
        {
            await registry.UnsubscribeAsync("timers-" + child);
            cluster.Cluster.Client.DeleteObjectReference<ISummaryObserver>(reference);
        }
    }

    private async Task<long> AcknowledgedAsync(string bodyId) =>
        ProgressProbe.Figure(await ProgressProbe.CountsAsync(Grains, bodyId), "itemsAcknowledged");

    private static long Acknowledged(SummaryPush push) => push.View.Summary.Counts[SummaryFigure.ItemsAcknowledged];

    /// <summary>Completes a waiter with the first push received that matches it.</summary>
    private sealed class Recorder : ISummaryObserver
    {
        private readonly ConcurrentQueue<SummaryPush> _received = new();
        private readonly ConcurrentBag<(Func<SummaryPush, bool> Match, TaskCompletionSource<SummaryPush> Done)> _waiters = [];

        public Task OnSummariesAsync(ImmutableArray<SummaryPush> batch)
        {
            foreach (var push in batch)
            {
                _received.Enqueue(push);
                foreach (var (match, done) in _waiters.Where(w => w.Match(push)))
                {
                    done.TrySetResult(push);
                }
            }

            return Task.CompletedTask;
        }

        public Task OnInboxAsync(ImmutableArray<InboxPush> batch) => Task.CompletedTask;

        public Task<SummaryPush> WaitForAsync(Func<SummaryPush, bool> match)
        {
            var done = new TaskCompletionSource<SummaryPush>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((match, done));
            if (_received.FirstOrDefault(match) is { } earlier)
            {
                done.TrySetResult(earlier);
            }

            return done.Task;
        }
    }

    /// <summary>One silo whose grain timers run on <see cref="Clock"/>; "today" stays the shared test day.</summary>
    public class TimedCluster : IAsyncLifetime
    {
        private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "govopenness-timers-" + Guid.NewGuid().ToString("N"));

        public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2022, 10, 14, 2, 0, 0, TimeSpan.Zero));

        public TestCluster Cluster { get; private set; } = null!;

        private IServiceProvider Silo => Cluster.Silos.OfType<InProcessSiloHandle>().Single().SiloHost.Services;

        public IServiceProvider SiloServices => Silo;

        public SettleTracker Tracker => Silo.GetRequiredService<SettleTracker>();

        public CascadeOptions Cascade => Silo.GetRequiredService<IOptions<CascadeOptions>>().Value;

        public LiveOptions Live => Silo.GetRequiredService<IOptions<LiveOptions>>().Value;

        /// <summary>Every interval a minute: a real clock would not fire them within a test's limit.</summary>
        public async Task InitializeAsync() =>
            Cluster = await ClusterFixture.StartAsync(_dataDirectory, Dispatch, silos: 1, grainClock: Clock, timerInterval: TimeSpan.FromMinutes(1));

        /// <summary>False holds every delivery in the outbox: the test acknowledges for the children.</summary>
        protected virtual bool Dispatch => true;

        public async Task DisposeAsync()
        {
            await Cluster.StopAllSilosAsync();
            await Cluster.DisposeAsync();
            Directory.Delete(_dataDirectory, recursive: true);
        }

        /// <summary>The body's summary is watched (as by a viewer of it) on every silo from now on.</summary>
        public async Task WatchAsync(string bodyId)
        {
            var registry = Cluster.Client.GetGrain<ILiveRegistryGrain>(ILiveRegistryGrain.Key);
            await registry.WatchAsync("watcher-" + bodyId, [IProgressGrain.Key(bodyId, 2022)], 1);
        }

        /// <summary>A parent under 北京市 with one child, the parent's plan delivered to it.</summary>
        public async Task<(string Parent, string Child)> PublishedPairAsync()
        {
            var key = Guid.NewGuid().ToString("N")[..10];
            var (parent, child) = ($"11.t{key}", $"11.u{key}");
            await TestPlans.Register(Cluster.Client, parent, "计时测试厅", "11");
            await TestPlans.Register(Cluster.Client, child, "计时测试处", parent);
            Assert.True((await Cluster.Client.GetGrain<IBodyGrain>(parent).PublishPlanAsync(TestPlans.ThreeItems(2022))).Succeeded);
            Assert.True((await Cluster.Client.GetGrain<IBodyDiagnosticsGrain>(parent).WaitForDeliveryAsync(2022))!.Complete);
            return (parent, child);
        }
    }
}
