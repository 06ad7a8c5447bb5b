using GovOpenness.Abstractions;
using GovOpenness.Grains.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GovOpenness.Grains;

/// <summary>
/// The bodies with an open outbox. Only publishers register (twice per publication), so this grain
/// stays small and cold; the cascade itself never touches it. While any outbox is open it asks their
/// publishers to resume every <see cref="CascadeOptions.OutboxResumeInterval"/>: a run is held only in
/// its publisher's memory, and a publisher that left mid-run (its silo died, a failed write sent it
/// away, its resume failed while the database restarted) must not wait for the next silo start. The
/// silos ask it too, at start and after every membership change (<see cref="OutboxResumption"/>,
/// <see cref="ProgressReconciler"/>), which also brings it back if it lived on a silo that died.
/// </summary>
[GrainType("outbox-registry")]
public sealed class OutboxRegistryGrain(
    [PersistentState("outbox-registry", StorageNames.Plans)] IPersistentState<HashSet<string>> pending,
    IOptions<CascadeOptions> options,
    ILogger<OutboxRegistryGrain> logger) : Grain, IOutboxRegistryGrain
{
    private IGrainTimer? _resumeTimer;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        KeepResumingWhileOpen();
        return base.OnActivateAsync(cancellationToken);
    }

    public async Task RegisterAsync(string bodyId)
    {
        if (pending.State.Add(bodyId))
        {
            // Memory never runs ahead of storage: a failed write is not "registered" for the next caller.
            try
            {
                await pending.WriteStateAsync();
            }
            catch
            {
                pending.State.Remove(bodyId);
                throw;
            }
        }

        KeepResumingWhileOpen();
    }

    public async Task CompleteAsync(string bodyId)
    {
        if (pending.State.Remove(bodyId))
        {
            try
            {
                await pending.WriteStateAsync();
            }
            catch
            {
                pending.State.Add(bodyId);
                throw;
            }
        }

        KeepResumingWhileOpen();
    }

    public Task<int> ResumeAllAsync()
    {
        var bodies = pending.State.ToList();
        if (bodies.Count > 0)
        {
            logger.LogInformation("Resuming deliveries of {Count} bodies with open outboxes", bodies.Count);
        }

        // Not awaited in this turn: a resumed body calls CompleteAsync here, which would wait behind it.
        foreach (var id in bodies)
        {
            _ = ResumeAsync(id);
        }

        return Task.FromResult(bodies.Count);
    }

    /// <summary>The resume timer runs while an outbox is open (and keeps this activation), and stops when none is.</summary>
    private void KeepResumingWhileOpen()
    {
        if (pending.State.Count == 0)
        {
            _resumeTimer?.Dispose();
            _resumeTimer = null;
            return;
        }

        var every = options.Value.OutboxResumeInterval;
        _resumeTimer ??= this.RegisterGrainTimer(_ => ResumeAllAsync(), new GrainTimerCreationOptions(every, every) { Interleave = true, KeepAlive = true });
    }

    private async Task ResumeAsync(string bodyId)
    {
        try
        {
            await GrainFactory.GetGrain<IBodyDeliveryGrain>(bodyId).ResumeDeliveriesAsync();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            logger.LogWarning(e, "Resuming the outbox of {Body} failed; asked again within {Interval}", bodyId, options.Value.OutboxResumeInterval);
        }
    }
}
