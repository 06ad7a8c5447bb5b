using GovOpenness.Domain.Calendar;
using GovOpenness.Grains.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace GovOpenness.Grains.Tests;

/// <summary>The replay's accelerated clock: fast, but never past the driver's next event.</summary>
public sealed class VirtualClockTests
{
    private static readonly DateOnly Start = new(2022, 4, 26);

    [Fact]
    public void It_stands_still_until_the_driver_lets_it_run_and_then_runs_speed_times_faster()
    {
        var real = new FakeTimeProvider();
        var clock = new VirtualClock(VirtualClock.InstantOf(Start), 86_400, real);

        real.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(VirtualClock.InstantOf(Start), clock.GetUtcNow());

        clock.RunUntil(VirtualClock.InstantOf(Start.AddDays(10)));
        real.Advance(TimeSpan.FromSeconds(3));
        Assert.Equal(Start.AddDays(3), ChinaTime.Today(clock));
    }

    [Fact]
    public void It_stops_at_the_limit_however_late_the_driver_is()
    {
        var real = new FakeTimeProvider();
        var clock = new VirtualClock(VirtualClock.InstantOf(Start), 86_400, real);
        var limit = VirtualClock.InstantOf(Start.AddDays(2));

        clock.RunUntil(limit);
        real.Advance(TimeSpan.FromMinutes(10)); // 600 virtual days, were it free
        Assert.Equal(limit, clock.GetUtcNow());

        // Raising the limit continues from where it stood, not from where free-running time would be.
        clock.RunUntil(VirtualClock.InstantOf(Start.AddDays(30)));
        real.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(Start.AddDays(3), ChinaTime.Today(clock));
    }

    [Fact]
    public async Task Waiting_for_a_day_completes_once_real_time_has_covered_it()
    {
        var real = new FakeTimeProvider();
        var clock = new VirtualClock(VirtualClock.InstantOf(Start), 86_400, real);
        var target = VirtualClock.InstantOf(Start.AddDays(4));
        clock.RunUntil(target);

        var waiting = clock.WaitUntilAsync(target, CancellationToken.None);
        Assert.False(waiting.IsCompleted);
        real.Advance(TimeSpan.FromSeconds(2));
        Assert.False(waiting.IsCompleted);
        real.Advance(TimeSpan.FromSeconds(2));
        await waiting.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(target, clock.GetUtcNow());
    }

    [Fact]
    public void At_any_speed_it_stops_where_dates_in_china_still_exist()
    {
        var real = new FakeTimeProvider();
        var clock = new VirtualClock(VirtualClock.InstantOf(Start), 1e15, real);
        clock.RunUntil(DateTimeOffset.MaxValue);

        real.Advance(TimeSpan.FromHours(1));

        Assert.Equal(VirtualClock.Farthest, clock.GetUtcNow());
        Assert.Equal(new DateOnly(9999, 1, 1), ChinaTime.Today(clock));
    }
}
