using GovOpenness.Domain.Calendar;

namespace GovOpenness.DeskBenchmark;

/// <summary>
/// The clock the server's progress rules read "today" from (its <c>ProgressClock</c>), moved by the benchmark:
/// the sample plans are seeded and the steps recorded on days of 2022 and 2023, so the journal holds steps
/// before and after the as-of day; then it is put back to the real today for the measured reads (a 2022
/// plan looked back on now). It runs at the real pace between moves; Orleans' own timers are untouched.
/// </summary>
public sealed class ProgressDays : TimeProvider
{
    private long _offsetTicks;

    /// <summary>From now on "today" in China is <paramref name="day"/> (at noon, then running on).</summary>
    public void MoveTo(DateOnly day)
    {
        var noon = new DateTimeOffset(day.ToDateTime(new TimeOnly(12, 0)), TimeSpan.FromHours(8));
        Interlocked.Exchange(ref _offsetTicks, (noon - System.GetUtcNow()).Ticks);
    }

    /// <summary>Back to the real clock.</summary>
    public void Reset() => Interlocked.Exchange(ref _offsetTicks, 0);

    public DateOnly Today => ChinaTime.Today(this);

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow().AddTicks(Interlocked.Read(ref _offsetTicks));

    public override TimeZoneInfo LocalTimeZone => System.LocalTimeZone;
}
