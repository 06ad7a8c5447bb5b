using System.Collections.Immutable;
using GovOpenness.Abstractions.Diagnostics;
using GovOpenness.Abstractions.Live;
using GovOpenness.Grains.Hosting;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;

namespace GovOpenness.Grains.Live;

/// <summary>
/// Coalesces pushed summaries (latest per body and year) and forwards one batch per interval to every
/// registered host. A stateless worker: local to each silo and scaled out under load, so pushes never
/// cross silos on their way in and no single activation is a hot spot. The hosts are read from the
/// silo's copy (<see cref="LiveInterest.Hosts"/>), which a host's registration reaches before it
/// completes: no call to the registry per batch, and a joining host's viewers get pushes from its first
/// second. The batch timer runs on the grains' clock (<see cref="GrainClock"/>).
/// </summary>
[StatelessWorker, GrainType("live-notifier")]
public sealed class LiveNotifierGrain(IOptions<LiveOptions> options, SettleTracker settle, LiveInterest interest)
    : Grain, ILiveNotifierGrain
{
    private readonly Dictionary<(string BodyId, int Year), SummaryPush> _pending = [];
    private readonly Dictionary<string, InboxPush> _pendingInbox = [];
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
        _timer ??= this.RegisterGrainTimer(_ => Forward(final: false), new GrainTimerCreationOptions(options.Value.BatchInterval, options.Value.BatchInterval));

    // Orleans removes idle stateless workers, and a timer tick does not count as work: an activation can
    // go with a push still waiting for its tick (seen as a viewer never getting a body's last change).
    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => Forward(final: true);

    private Task Forward(bool final)
    {
        if (!final && !interest.Received.IsCompleted)
        {
            // The silo has not heard from the registry yet (it is starting): its host list is unknown, so
            // the batch waits for a later tick rather than going nowhere.
            return Task.CompletedTask;
        }

        if (_pending.Count == 0 && _pendingInbox.Count == 0)
        {
            // Quiet: stop ticking until the next push.
            _timer?.Dispose();
            _timer = null;
            return Task.CompletedTask;
        }

        var batch = _pending.Values.ToImmutableArray();
        _pending.Clear();
        var inbox = _pendingInbox.Values.ToImmutableArray();
        _pendingInbox.Clear();

        try
        {
            // One-way calls: a host that is slow or gone does not delay the others.
            foreach (var host in interest.Hosts)
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

        return Task.CompletedTask;
    }
}
