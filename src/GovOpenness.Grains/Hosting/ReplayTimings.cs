using System.Diagnostics;
using GovOpenness.Domain.Simulation.Replay;

namespace GovOpenness.Grains.Hosting;

/// <summary>
/// Where a replay's time goes, for the replay benchmark: the days' wall time, and per step kind the time
/// its grain calls took, summed over steps (steps overlap, so the sums exceed the wall time); for issues
/// the wait until the plan reached the issuer's subtree apart. Steps of a day record concurrently.
/// </summary>
public sealed class ReplayTimings
{
    private readonly Lock _lock = new();
    private readonly Dictionary<ReplayStepKind, (int Steps, TimeSpan Time)> _byKind = [];

    /// <summary>Days replayed, and their wall time.</summary>
    public (int Days, TimeSpan Time) Days { get; private set; }

    /// <summary>
    /// The first day's wall time. In a process that did not warm up first it pays the cold start (code compiled
    /// on first use, the first activations and connections) on top of its calls; the replay benchmark warms up.
    /// </summary>
    public TimeSpan FirstDay { get; private set; }

    /// <summary>The slowest day after the first, and its date.</summary>
    public (DateOnly Date, TimeSpan Time) SlowestLaterDay { get; private set; }

    /// <summary>Of those, the days with nothing but completions (反馈), and their wall time.</summary>
    public (int Days, TimeSpan Time) CompletionDays { get; private set; }

    /// <summary>Issues: waiting, after the call, until each issuer's plan reached its whole subtree (summed).</summary>
    public TimeSpan DeliveryWait { get; private set; }

    /// <summary>Steps waiting for a place among the calls in flight once what they depend on was done (summed).</summary>
    public TimeSpan GateWait { get; private set; }

    public IReadOnlyDictionary<ReplayStepKind, (int Steps, TimeSpan Time)> ByKind
    {
        get
        {
            lock (_lock)
            {
                return new Dictionary<ReplayStepKind, (int, TimeSpan)>(_byKind);
            }
        }
    }

    internal void AddStep(ReplayStepKind kind, long startedAt)
    {
        var took = Stopwatch.GetElapsedTime(startedAt);
        lock (_lock)
        {
            var (steps, time) = _byKind.GetValueOrDefault(kind);
            _byKind[kind] = (steps + 1, time + took);
        }
    }

    internal void AddGateWait(long startedAt)
    {
        var took = Stopwatch.GetElapsedTime(startedAt);
        lock (_lock)
        {
            GateWait += took;
        }
    }

    internal void AddDeliveryWait(long startedAt)
    {
        var took = Stopwatch.GetElapsedTime(startedAt);
        lock (_lock)
        {
            DeliveryWait += took;
        }
    }

    internal void AddDay(long startedAt, DateOnly date, bool completionsOnly)
    {
        var took = Stopwatch.GetElapsedTime(startedAt);
        lock (_lock)
        {
            if (Days.Days == 0)
            {
                FirstDay = took;
            }
            else if (took > SlowestLaterDay.Time)
            {
                SlowestLaterDay = (date, took);
            }

            Days = (Days.Days + 1, Days.Time + took);
            if (completionsOnly)
            {
                CompletionDays = (CompletionDays.Days + 1, CompletionDays.Time + took);
            }
        }
    }
}
