using System.Collections.Immutable;
using System.Text.Json;
using System.Threading.Channels;
using GovOpenness.Abstractions;
using GovOpenness.Abstractions.Live;
using GovOpenness.Domain.Progress;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace GovOpenness.Grains.Tests;

/// <summary>
/// The push path without a web host: an observer registered with the registry (here through the test
/// cluster's client, as a host of another process would) receives changed summaries from either silo.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class LivePushTests(ClusterFixture fixture)
{
    private readonly IGrainFactory _grains = fixture.Grains;

    [Fact]
    public async Task A_registered_observer_receives_the_changed_summary_of_the_body_and_of_its_parent()
    {
        var key = Guid.NewGuid().ToString("N")[..10];
        var (parent, child) = ($"11.lp{key}", $"11.lc{key}");
        await TestPlans.Register(_grains, parent, "推送测试厅", "11");
        await TestPlans.Register(_grains, child, "推送测试处", parent);
        await _grains.GetGrain<IBodyGrain>(parent).PublishPlanAsync(TestPlans.ThreeItems(2022));
        Assert.True((await _grains.GetGrain<IBodyDiagnosticsGrain>(parent).WaitForDeliveryAsync(2022))!.Complete);

        var interests = Interests();
        var observer = new RecordingObserver();
        var reference = fixture.Cluster.Client.CreateObjectReference<ISummaryObserver>(observer);
        var registry = _grains.GetGrain<ILiveRegistryGrain>(ILiveRegistryGrain.Key);
        var host = "test-" + key;
        await registry.SubscribeAsync(host, reference);
        try
        {
            // Registering and watching complete only once every silo knows: the first change is pushed here.
            Assert.All(interests, i => Assert.Contains(reference, i.Hosts));
            await registry.WatchAsync(host, [IProgressGrain.Key(parent, 2022)], 1);
            await ProgressProbe.PostAsync(_grains, child, new ProgressUpdate(2022, "1.1", ProgressStep.Acknowledged));
            await ProgressProbe.FlushAsync(_grains, child);
            var fromChild = await observer.TryWaitForAsync(p => p.BodyId == child && Acknowledged(p) == 1);
            var fromParent = await observer.TryWaitForAsync(p => p.BodyId == parent && Acknowledged(p) == 1);

            Assert.True(fromChild is not null && fromParent is not null, "在期限内未收到下级及上级的推送");
            Assert.Equal(parent, fromChild.ParentId);
            Assert.Equal(2022, fromChild.Year);
        }
        finally
        {
            await registry.UnsubscribeAsync(host);
            fixture.Cluster.Client.DeleteObjectReference<ISummaryObserver>(reference);
        }

        Assert.DoesNotContain(reference, await registry.GetObserversAsync());
    }

    [Fact]
    public async Task Watching_a_body_completes_only_once_every_silo_pushes_it_and_its_children_and_nothing_else()
    {
        var interests = Interests();
        await Task.WhenAll(interests.Select(i => i.Filtering)).WaitAsync(TimeSpan.FromSeconds(30));

        var key = Guid.NewGuid().ToString("N")[..10];
        var (body, child, other) = ($"11.lw{key}", $"11.lx{key}", $"11.ly{key}");
        Assert.All(interests, i => Assert.False(i.Wants(body, "11", 2022)));

        var registry = _grains.GetGrain<ILiveRegistryGrain>(ILiveRegistryGrain.Key);
        await registry.WatchAsync("watch-" + key, [IProgressGrain.Key(body, 2022)], 1);

        Assert.All(interests, i => Assert.True(i.Wants(body, "11", 2022)));
        Assert.All(interests, i => Assert.True(i.Wants(child, body, 2022)));
        Assert.All(interests, i => Assert.False(i.Wants(other, "11", 2022)));
        Assert.All(interests, i => Assert.False(i.Wants(body, "11", 2023)));
    }

    [Fact]
    public async Task A_registry_that_took_over_sends_a_watch_to_every_silo_once_each_has_registered_its_copy_with_it()
    {
        var interests = Interests();
        await Task.WhenAll(interests.Select(i => i.Filtering)).WaitAsync(TimeSpan.FromSeconds(30));
        var registry = _grains.GetGrain<ILiveRegistryGrain>(ILiveRegistryGrain.Key);
        var body = "11.lt" + Guid.NewGuid().ToString("N")[..10];

        // The next call starts a new activation, which no silo has registered its copy with yet (as when a
        // joining silo takes the registry over): the watch must still reach both before it completes.
        await registry.Cast<Orleans.Core.Internal.IGrainManagementExtension>().DeactivateOnIdle();
        await registry.WatchAsync("takeover-" + body, [IProgressGrain.Key(body, 2022)], 1);

        Assert.All(interests, i => Assert.True(i.Wants(body, "11", 2022)));
    }

    private List<GovOpenness.Grains.Live.LiveInterest> Interests()
    {
        var interests = fixture.Cluster.Silos.OfType<InProcessSiloHandle>()
            .Select(s => s.SiloHost.Services.GetRequiredService<GovOpenness.Grains.Live.LiveInterest>()).ToList();
        Assert.Equal(2, interests.Count);
        return interests;
    }

    private static long Acknowledged(SummaryPush push) =>
        push.View.Summary.Counts[GovOpenness.Domain.Progress.SummaryFigure.ItemsAcknowledged];

    private sealed class RecordingObserver : ISummaryObserver
    {
        private readonly Channel<SummaryPush> _received = Channel.CreateUnbounded<SummaryPush>();
        private readonly List<SummaryPush> _seen = [];

        public Task OnSummariesAsync(ImmutableArray<SummaryPush> batch)
        {
            foreach (var push in batch)
            {
                _received.Writer.TryWrite(push);
            }

            return Task.CompletedTask;
        }

        public Task OnInboxAsync(ImmutableArray<InboxPush> batch) => Task.CompletedTask;

        /// <summary>The first push so far or within three seconds that matches, or null.</summary>
        public async Task<SummaryPush?> TryWaitForAsync(Func<SummaryPush, bool> match)
        {
            if (_seen.FirstOrDefault(match) is { } earlier)
            {
                return earlier;
            }

            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(3));
            try
            {
                await foreach (var push in _received.Reader.ReadAllAsync(timeout.Token))
                {
                    _seen.Add(push);
                    if (match(push))
                    {
                        return push;
                    }
                }
            }
            catch (OperationCanceledException) when (timeout.IsCancellationRequested)
            {
            }

            return null;
        }
    }
}
