using GovOpenness.Grains.Rules;
using Orleans.Storage;

namespace GovOpenness.Grains.State;

/// <summary>
/// One job of the body grain: the log of the body's own plan versions over time
/// (<see cref="PlanHistory"/>, a state of its own). Appended at each publish or localization, read only
/// to answer what the body's own part was at an instant, so the state every activation reads stays
/// small. Read lazily, on the first append or question (a failed read is tried again on the next).
/// </summary>
internal sealed class PlanVersionLog
{
    private readonly LazyState<PlanHistory> _history;
    private readonly OnceUnlessFailed _loading;
    private readonly Func<DateTimeOffset> _now;

    /// <param name="now">The instant a version takes effect: the clock the plans' dates are read on (virtual in a replay).</param>
    public PlanVersionLog(IGrainStorage storage, GrainId grainId, Action onStale, Func<DateTimeOffset> now)
    {
        _history = new(storage, "body-plan-history", grainId, onStale);
        _loading = new(_history.ReadAsync);
        _now = now;
    }

    /// <summary>Appends the year's current own version, unless it is already the last one (a retry).</summary>
    public async Task RecordAsync(int year, YearPlan current)
    {
        await _loading.RunAsync();
        if (!_history.State.Years.TryGetValue(year, out var versions))
        {
            _history.State.Years[year] = versions = [];
        }

        if (versions.Count > 0 && versions[^1].IsVersionOf(current))
        {
            return;
        }

        versions.Add(PlanVersionEntry.Of(current, _now()));
        await _history.WriteAsync();
    }

    /// <summary>The body's own version in force at <paramref name="asOf"/> (<see cref="PlanAsOf.VersionAt"/>).</summary>
    public async Task<PlanVersionEntry?> VersionAtAsync(int year, YearPlan? current, DateTimeOffset asOf)
    {
        await _loading.RunAsync();
        return PlanAsOf.VersionAt(_history.State.Years.GetValueOrDefault(year), current, asOf);
    }
}
