namespace GovOpenness.Grains.Pipeline;

/// <summary>
/// One job of the progress grain: when its delta goes up to the parent. A throttle, not a debounce.
/// </summary>
/// <remarks>
/// The flush is armed by a change (an own update or a child's delta), not by a periodic tick: a tick
/// every interval on each of 45,000 activations costs the silo whole cores while nothing changes.
/// Armed once, it fires one interval after the previous flush started (at once when that is past) and
/// the grain sends everything that changed meanwhile as one delta, so coalescing and the bound of one
/// call per child per interval stay; a level adds at most one interval to the freshness at the root.
/// Later changes never postpone an armed flush. The interval is measured on the grains' clock
/// (<see cref="Hosting.GrainClock"/>, the one Orleans runs grain timers on), so a test drives the timer
/// and the measure with one FakeTimeProvider.
/// </remarks>
/// <param name="arm">Arms the grain's one-shot flush timer for the given wait.</param>
internal sealed class FlushThrottle(TimeProvider clock, TimeSpan interval, Action<TimeSpan> arm)
{
    private bool _armed;
    private long _lastStarted;
    private long _armedAt;

    /// <summary>Arms the flush unless it is armed already: due one interval after the previous flush started, at once if that is past.</summary>
    public void Arm()
    {
        if (_armed)
        {
            return;
        }

        _armed = true;
        _armedAt = clock.GetTimestamp();
        var sinceLast = clock.GetElapsedTime(_lastStarted);
        arm(sinceLast >= interval ? TimeSpan.Zero : interval - sinceLast);
    }

    /// <summary>The timer fired and the flush starts: a change from now on arms it again. Answers the timestamp it was armed at (for the flush lag).</summary>
    public long Start()
    {
        _armed = false;
        _lastStarted = clock.GetTimestamp();
        return _armedAt;
    }
}
