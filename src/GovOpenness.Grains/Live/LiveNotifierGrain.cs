using System.Collections.Immutable;
using GovOpenness.Abstractions.Diagnostics;
using GovOpenness.Abstractions.Live;
using GovOpenness.Grains.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;

namespace GovOpenness.Grains.Live;

/// <summary>
/// Coalesces pushed summaries (latest per body and year) and forwards one batch per interval to every
/// registered host. A stateless worker: local to each silo and scaled out under load, so pushes never
/// cross silos on their way in and no single activation is a hot spot. The host list is cached and
/// refreshed from the registry every few seconds, not per batch — except while it names fewer hosts
/// than the cluster has active silos (every silo co-hosts a web host): a joining host is then asked
/// for every quarter second, so its viewers get pushes from its first second, not five seconds later.
/// The batch timer and the list's age run on the grains' clock (<see cref="GrainClock"/>).
/// </summary>
[StatelessWorker, GrainType("live-notifier")]
public sealed class LiveNotifierGrain(
    IOptions<LiveOptions> options, SettleTracker settle, IClusterMembershipService membership, ILogger<LiveNotifierGrain> logger)
    : Grain, ILiveNotifierGrain
{
    private readonly Dictionary<(string BodyId, int Year), SummaryPush> _pending = [];
    private readonly Dictionary<string, InboxPush> _pendingInbox = [];
    private ImmutableArray<ISummaryObserver> _hosts = [];
    private DateTimeOffset _hostsFetchedAt = DateTimeOffset.MinValue;
    private static readonly TimeSpan EmptyListRefresh = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan JoiningHostRefresh = TimeSpan.FromMilliseconds(250);
    private IGrainTimer? _timer;

    public Task PublishAsync(SummaryPush push)
    {
        // Keep the newest view per body: a push from an older activation or roll-up version arriving
        // late (another activation of this worker may have sent the newer one first) is dropped.
        var key = (push.BodyId, push.Year);
        if (!_pending.TryGetValue(key, out var held) || !held.View.IsNewerThan(push.View))
        {
            _pending[key] = push;
        }

        StartTicking();
        return Task.CompletedTask;
    }

    public Task PublishInboxAsync(InboxPush push)
    {
        // One notice per body and batch is enough: the viewer reads the whole inbox on it.
        _pendingInbox[push.BodyId] = push;
        StartTicking();
        return Task.CompletedTask;
    }

    private void StartTicking() =>
        _timer ??= this.RegisterGrainTimer(_ => ForwardAsync(), new GrainTimerCreationOptions(options.Value.BatchInterval, options.Value.BatchInterval));

    // Orleans removes idle stateless workers, and a timer tick does not count as work: an activation can
    // go with a push still waiting for its tick (seen as a viewer never getting a body's last change).
    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => ForwardAsync();

    /// <summary>Active silos in this silo's view of the membership (a local read, no call).</summary>
    private int ActiveSilos() => membership.CurrentSnapshot.Members.Values.Count(m => m.Status == SiloStatus.Active);

    private async Task ForwardAsync()
    {
        if (_pending.Count == 0 && _pendingInbox.Count == 0)
        {
            // Quiet: stop ticking until the next push.
            _timer?.Dispose();
            _timer = null;
            return;
        }

        var batch = _pending.Values.ToImmutableArray();
        _pending.Clear();
        var inbox = _pendingInbox.Values.ToImmutableArray();
        _pendingInbox.Clear();

        try
        {
            var now = GrainClock.Of(ServiceProvider).GetUtcNow();

            // An empty list is asked again after a second, not five: right after start-up the hosts may not
            // have subscribed yet (and a silo without web hosts must not call the registry on every batch).
            var age = now - _hostsFetchedAt;
            if (age > options.Value.ObserverRefreshInterval || (_hosts.IsEmpty && age > EmptyListRefresh) || (age > JoiningHostRefresh && _hosts.Length < ActiveSilos()))
            {
                try
                {
                    _hosts = await GrainFactory.GetGrain<ILiveRegistryGrain>(ILiveRegistryGrain.Key).GetObserversAsync();
                    _hostsFetchedAt = now;
                }
                catch (Exception e) when (e is TimeoutException or OrleansException)
                {
                    // Keep the list we had; the registry is asked again on the next batch.
                    logger.LogWarning(e, "The live registry did not answer; forwarding to the hosts known before");
                }
            }

            // One-way calls: a host that is slow or gone does not delay the others.
            foreach (var host in _hosts)
            {
                if (!batch.IsEmpty)
                {
                    _ = host.OnSummariesAsync(batch);
                }

                if (!inbox.IsEmpty)
                {
                    _ = host.OnInboxAsync(inbox);
                }
            }
        }
        finally
        {
            // Each push was counted by its progress grain under "{body}/{year}" and its version.
            foreach (var push in batch)
            {
                settle.ExitVersion(PendingWork.Forward, $"{push.BodyId}/{push.Year}", (push.View.Epoch, push.View.Sequence));
            }
        }
    }
}
