using Microsoft.Extensions.Logging;

namespace GovOpenness.Grains.Hosting;

/// <summary>
/// Graceful shutdown (SIGTERM): before the silo leaves the cluster, the milestone relay sends what it
/// holds while grain calls still work. Progress grains flush their deltas as Orleans deactivates them,
/// and the progress journal commits its queue when it is disposed after that; whatever a hard kill
/// cuts short is stored (milestone notes, journal, delivery outboxes) and resumed by other silos.
/// </summary>
public sealed partial class GracefulDrain(MilestoneRelay relay, ILogger<GracefulDrain> logger) : ILifecycleParticipant<ISiloLifecycle>
{
    /// <summary>The longest the relay may take to drain before the silo goes on stopping.</summary>
    public static TimeSpan Limit { get; set; } = TimeSpan.FromSeconds(20);

    public void Participate(ISiloLifecycle lifecycle) => lifecycle.Subscribe(
        nameof(GracefulDrain),
        ServiceLifecycleStage.Active,
        _ => Task.CompletedTask,
        async cancellation =>
        {
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
            limit.CancelAfter(Limit);
            var before = relay.Pending;
            await relay.DrainAsync(limit.Token);
            LogDrained(logger, before, relay.Pending);
        });

    [LoggerMessage(Level = LogLevel.Information, Message = "Stopping: milestone relay drained from {Before} to {After} notes in flight")]
    private static partial void LogDrained(ILogger logger, long before, long after);
}
