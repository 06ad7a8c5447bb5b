using GovOpenness.Abstractions.Diagnostics;

namespace GovOpenness.Grains;

/// <summary>
/// When a progress grain sends its delta up, and when it notices a new day.
/// </summary>
/// <remarks>
/// The flush is armed by a change (an own update or a child's delta), not by a periodic tick: a tick
/// every interval on each of 45,000 activations costs the silo whole cores while nothing changes.
/// Armed once, it fires one interval after the previous flush (at once when that is past) and sends
/// everything that changed meanwhile as one delta, so coalescing and the bound of one call per child
/// per interval stay; a level adds at most one interval to the freshness at the root. The day check is a slow periodic tick (cheap: a date compare).
/// Every timer here and in the push runs on the grains' clock (<see cref="Hosting.GrainClock"/>, the one
/// Orleans runs grain timers on), and the intervals are measured on it too, so a test drives them with a
/// FakeTimeProvider.
/// </remarks>
public sealed partial class ProgressGrain
{
    private IGrainTimer? _flushTimer;
    private bool _flushArmed;
    private long _lastFlushStarted;
    private long _armedAt;

    // This body's interval (CascadeOptions.ProgressFlushIntervalAt its level), and its parent's reference:
    // Orleans' GetGrain resolves the interface by reflection on every call, a few % of the silo's CPU per step.
    private TimeSpan _flushInterval;
    private Abstractions.IProgressGrain? _parent;

    private void StartTimers()
    {
        // The root too: its flush sends nothing up but journals its children list.
        _flushTimer = this.RegisterGrainTimer(_ => FlushWhenDueAsync(), new GrainTimerCreationOptions(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan) { Interleave = true });

        // Every grain checks the day (the root too). Inactive grains derive their lights at activation.
        var dayCheck = options.Value.ProgressDayCheckInterval;
        this.RegisterGrainTimer(_ =>
        {
            RefreshIfNewDay();
            return Task.CompletedTask;
        }, new GrainTimerCreationOptions(dayCheck, dayCheck) { Interleave = true });

        // A fresh activation owes its parent a full summary (new epoch).
        ScheduleFlush();
    }

    /// <summary>
    /// Arms the flush unless it is armed already: a throttle, not a debounce (updates never postpone
    /// it). It fires one interval after the previous flush started, at once if that is past: a quiet
    /// grain passes a change on straight away, a busy one still sends at most one delta per interval.
    /// </summary>
    private void ScheduleFlush()
    {
        if (_flushTimer is null)
        {
            return;
        }

        // Owed from now until a flush finds nothing left to send, whether or not the timer is armed already.
        settle.Enter(PendingWork.Flush, this.GetPrimaryKeyString());
        if (_flushArmed)
        {
            return;
        }

        _flushArmed = true;
        _armedAt = WallClock.GetTimestamp();
        var sinceLast = WallClock.GetElapsedTime(_lastFlushStarted);
        var interval = _flushInterval;
        _flushTimer.Change(sinceLast >= interval ? TimeSpan.Zero : interval - sinceLast, Timeout.InfiniteTimeSpan);
    }

    private async Task FlushWhenDueAsync()
    {
        _flushArmed = false;
        _lastFlushStarted = WallClock.GetTimestamp();
        var armedAt = _armedAt;
        try
        {
            await FlushAsync();
            RecordFlushLag(armedAt);
        }
        catch
        {
            // The parent was unreachable: the delta stays owed; try again one interval later.
            ScheduleFlush();
            throw;
        }
    }
}
