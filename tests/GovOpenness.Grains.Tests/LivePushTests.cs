using System.Collections.Immutable;
using System.Text.Json;
using System.Threading.Channels;
using GovOpenness.Abstractions;
using GovOpenness.Abstractions.Live;
using GovOpenness.Domain.Progress;

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
    public async Task A_registered_observer_receives_the_changed_summary_of_the_body_and_then_of_its_parent()
    {
        var key = Guid.NewGuid().ToString("N")[..10];
        var (parent, child) = ($"11.lp{key}", $"11.lc{key}");
        await TestPlans.Register(_grains, parent, "推送测试厅", "11");
        await TestPlans.Register(_grains, child, "推送测试处", parent);
        await _grains.GetGrain<IBodyGrain>(parent).PublishPlanAsync(TestPlans.ThreeItems(2022));
        Assert.True((await _grains.GetGrain<IBodyGrain>(parent).WaitForDeliveryAsync(2022))!.Complete);

        var observer = new RecordingObserver();
        var reference = fixture.Cluster.Client.CreateObjectReference<ISummaryObserver>(observer);
        var registry = _grains.GetGrain<ILiveRegistryGrain>(ILiveRegistryGrain.Key);
        await registry.SubscribeAsync("test-" + key, reference);
        try
        {
            await ProgressProbe.PostAsync(_grains, child, new ProgressUpdate(2022, "1.1", ProgressStep.Acknowledged));
            await ProgressProbe.PostAsync(_grains, child, new ProgressUpdate(2022, "1.2", ProgressStep.Acknowledged));

            // Two steps in quick succession: the latest summary arrives (coalesced or not), tagged with the parent.
            var pushed = await observer.WaitForAsync(p => p.BodyId == child && Acknowledged(p) == 2, "下级两项签收后的汇总");
            Assert.Equal(parent, pushed.ParentId);
            Assert.Equal(2022, pushed.Year);

            await ProgressProbe.FlushAsync(_grains, child);
            var rolledUp = await observer.WaitForAsync(p => p.BodyId == parent && Acknowledged(p) == 2, "上级汇总含下级的两项签收");
            Assert.True(rolledUp.PushedAt >= pushed.PushedAt, "上级的推送时间早于下级");
        }
        finally
        {
            await registry.UnsubscribeAsync("test-" + key);
            fixture.Cluster.Client.DeleteObjectReference<ISummaryObserver>(reference);
        }

        Assert.DoesNotContain(reference, await registry.GetObserversAsync());
    }

    private static long Acknowledged(SummaryPush push) =>
        JsonDocument.Parse(push.ViewJson).RootElement.GetProperty("summary").GetProperty("counts").GetProperty("itemsAcknowledged").GetInt64();

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

        public async Task<SummaryPush> WaitForAsync(Func<SummaryPush, bool> match, string what)
        {
            if (_seen.FirstOrDefault(match) is { } earlier)
            {
                return earlier;
            }

            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
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

            throw new Xunit.Sdk.XunitException($"在期限内未收到推送：{what}");
        }
    }
}
