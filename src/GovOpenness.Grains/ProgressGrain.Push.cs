using GovOpenness.Abstractions.Diagnostics;
using GovOpenness.Abstractions.Live;
using GovOpenness.Domain.Localization;
using GovOpenness.Domain.Progress;
using GovOpenness.Grains.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GovOpenness.Grains;

/// <summary>
/// The live push: when the subtree summary may have changed (own step, a child's delta, activation),
/// the grain hands the summary view to the local notifier, at most once per push interval. Never a
/// storage write, never a call that waits (the notifier call is one-way), never the parent.
/// </summary>
public sealed partial class ProgressGrain
{
    private IGrainTimer? _pushTimer;
    private bool _pushPending;
    private long _lastPushTimestamp;
    // A fingerprint, not the JSON itself: tens of thousands of active grains should not each hold a few KB
    // more. A collision (length and 32-bit hash alike) only skips one push until the next change.
    private long _lastPushedFingerprint;
    private bool _pushScheduled;
    private ILiveNotifierGrain? _notifier;

    private TimeProvider WallClock => _wallClock ??= GrainClock.Of(ServiceProvider);

    private TimeProvider? _wallClock;

    private TimeSpan PushInterval => ServiceProvider.GetService<IOptions<LiveOptions>>()?.Value.PushInterval ?? TimeSpan.FromMilliseconds(200);

    /// <summary>Marks the summary as possibly changed: pushes now, or once the push interval has passed.</summary>
    private void SummaryMayHaveChanged()
    {
        if (!_exists)
        {
            return;
        }

        _pushPending = true;
        settle.Enter(PendingWork.Push, this.GetPrimaryKeyString());
        var wait = PushInterval - WallClock.GetElapsedTime(_lastPushTimestamp);
        if (_lastPushTimestamp == 0 || wait <= TimeSpan.Zero)
        {
            PushIfChanged();
            return;
        }

        if (_pushScheduled)
        {
            return;
        }

        // Within the interval: one timer tick later pushes the latest summary (coalescing what came between).
        _pushTimer ??= this.RegisterGrainTimer(_ =>
        {
            _pushScheduled = false;
            PushIfChanged();
            return Task.CompletedTask;
        }, new GrainTimerCreationOptions(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan) { Interleave = true });
        _pushTimer.Change(wait, Timeout.InfiniteTimeSpan);
        _pushScheduled = true;
    }

    private void PushIfChanged()
    {
        if (!_pushPending)
        {
            return;
        }

        _pushPending = false;
        settle.Exit(PendingWork.Push, this.GetPrimaryKeyString());
        _lastPushTimestamp = WallClock.GetTimestamp();
        var view = SummaryView.Of(_rollup, _epoch);
        var json = LocalizationJson.Serialize(view with { Epoch = 0, Sequence = 0 });
        var fingerprint = ((long)json.Length << 32) | (uint)json.GetHashCode();
        if (fingerprint == _lastPushedFingerprint)
        {
            return;
        }

        _lastPushedFingerprint = fingerprint;
        var push = new SummaryPush(_bodyId, _parentId, _year, view, WallClock.GetUtcNow());

        // Counted before the one-way call: the notifier (always on this silo) counts it off once forwarded.
        settle.EnterVersion(PendingWork.Forward, this.GetPrimaryKeyString(), (view.Epoch, view.Sequence));
        _ = (_notifier ??= GrainFactory.GetGrain<ILiveNotifierGrain>(0)).PublishAsync(push);
    }
}
