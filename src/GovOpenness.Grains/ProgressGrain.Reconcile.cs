using GovOpenness.Domain.Progress;
using Microsoft.Extensions.DependencyInjection;

namespace GovOpenness.Grains;

/// <summary>
/// Convergence after faults (issue 11). A parent's roll-up is soft state fed by deltas; a delta lost
/// with a silo (this grain's, or its parent's unflushed one) or sent by a duplicate activation leaves
/// the parent wrong until this body sends a full summary again. The silo's reconciler asks for that
/// (<see cref="ResendFullAsync"/>) after every membership change. A deactivating grain does not flush:
/// its parent may be reactivating and pulling from it at that moment (a deadlock until timeout, seen
/// in DurableDeliveryTests); what it had not sent is repaired by the reconciler.
/// </summary>
public sealed partial class ProgressGrain
{
    public Task ResendFullAsync()
    {
        if (_parentId is not null && !_stale)
        {
            // A larger epoch than any before, so the parent replaces what it held (an older epoch's deltas are ignored as duplicates).
            _epoch = epochs.Next(atLeast: Math.Max(_epoch, _outbox?.Epoch ?? 0) + 1);
            _outbox = new SummaryOutbox(_bodyId, _year, _epoch);
            ScheduleFlush();
        }

        return Task.CompletedTask;
    }

    private void RecordFlushLag(long armedAt) =>
        ServiceProvider.GetService<Hosting.GovOpennessMetrics>()?.RecordFlushLag(
            WallClock.GetElapsedTime(armedAt),
            Domain.Hierarchy.BodyId.TryGetLevel(_bodyId, out var level, out _) ? level.ToString() : "other");
}
