namespace GovOpenness.Grains.Hosting;

/// <summary>
/// An accelerated clock for replays: virtual time runs <see cref="Speed"/> times faster than the real
/// clock, but never past the limit the driver sets, so it waits (frozen) while the driver catches up
/// with a day's events and overdue lights never run ahead of what the grains were told. Only
/// <see cref="GetUtcNow"/> is virtual; timers and timestamps stay real (Orleans' own timers use them).
/// </summary>
public sealed class VirtualClock : TimeProvider
{
    private readonly TimeProvider _real;
    private readonly Lock _gate = new();
    private DateTimeOffset _anchor;
    private long _realAnchor;
    private DateTimeOffset _limit;

    /// <param name="start">The virtual instant the clock starts (and stays) at until <see cref="RunUntil"/>.</param>
    /// <param name="speed">Virtual seconds per real second (86,400: a day per second).</param>
    public VirtualClock(DateTimeOffset start, double speed, TimeProvider real)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(speed);
        _real = real;
        Speed = speed;
        _anchor = start;
        _limit = start;
        _realAnchor = real.GetTimestamp();
    }

    public double Speed { get; }

    /// <summary>As far as the clock ever runs: dates a day later still fit DateTime (China is UTC+8).</summary>
    public static DateTimeOffset Farthest { get; } = new(9999, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The virtual instant of a day's events: 09:00 China time, well inside the day in UTC+8.</summary>
    public static DateTimeOffset InstantOf(DateOnly date) => new(date.ToDateTime(new TimeOnly(9, 0)), TimeSpan.FromHours(8));

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return NowLocked();
        }
    }

    /// <summary>Lets virtual time run on from where it stands, up to <paramref name="limit"/>.</summary>
    public void RunUntil(DateTimeOffset limit)
    {
        lock (_gate)
        {
            _anchor = NowLocked();
            _realAnchor = _real.GetTimestamp();
            _limit = limit < _anchor ? _anchor : limit > Farthest ? Farthest : limit;
        }
    }

    /// <summary>Completes once virtual time has reached <paramref name="target"/> (call <see cref="RunUntil"/> first).</summary>
    public async Task WaitUntilAsync(DateTimeOffset target, CancellationToken cancellationToken)
    {
        while (GetUtcNow() is var now && now < target)
        {
            var real = TimeSpan.FromTicks((long)Math.Min((target - now).Ticks / Speed, TimeSpan.FromDays(1).Ticks));
            await Task.Delay(real < TimeSpan.FromMilliseconds(1) ? TimeSpan.FromMilliseconds(1) : real, _real, cancellationToken);
        }
    }

    private DateTimeOffset NowLocked()
    {
        // In doubles: real elapsed × speed overflows TimeSpan after a few hours at high speeds.
        var ticks = _real.GetElapsedTime(_realAnchor).Ticks * Speed;
        var room = (double)(_limit - _anchor).Ticks;
        return ticks >= room ? _limit : _anchor.AddTicks((long)ticks);
    }
}
