using GovOpenness.Abstractions;
using GovOpenness.Grains.Hosting;
using Microsoft.Extensions.Logging;

namespace GovOpenness.Grains;

/// <summary>
/// The bodies with an open outbox. Only publishers register (twice per publication), so this grain
/// stays small and cold; the cascade itself never touches it.
/// </summary>
[GrainType("outbox-registry")]
public sealed class OutboxRegistryGrain(
    [PersistentState("outbox-registry", StorageNames.Plans)] IPersistentState<HashSet<string>> pending,
    ILogger<OutboxRegistryGrain> logger) : Grain, IOutboxRegistryGrain
{
    public async Task RegisterAsync(string bodyId)
    {
        if (pending.State.Add(bodyId))
        {
            await pending.WriteStateAsync();
        }
    }

    public async Task CompleteAsync(string bodyId)
    {
        if (pending.State.Remove(bodyId))
        {
            await pending.WriteStateAsync();
        }
    }

    public Task<int> ResumeAllAsync()
    {
        var bodies = pending.State.ToList();
        logger.LogInformation("Resuming deliveries of {Count} bodies with open outboxes", bodies.Count);

        // Not awaited in this turn: a resumed body calls CompleteAsync here, which would wait behind it.
        foreach (var id in bodies)
        {
            _ = ResumeAsync(id);
        }

        return Task.FromResult(bodies.Count);
    }

    private async Task ResumeAsync(string bodyId)
    {
        try
        {
            await GrainFactory.GetGrain<IBodyDeliveryGrain>(bodyId).ResumeDeliveriesAsync();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            logger.LogWarning(e, "Resuming the outbox of {Body} failed; it resumes on its next activation", bodyId);
        }
    }
}
