using GovOpenness.Abstractions.Live;
using Microsoft.Extensions.Options;

namespace GovOpenness.Server.Live;

/// <summary>
/// Registers this host's observer with the registry grain and renews it periodically, so the registry
/// forgets hosts whose silo left (their entries expire) and relearns this one after it restarts.
/// <see cref="Registered"/> completes with the first registration: /health/ready waits for it, so a load
/// balancer sends no viewer here before the notifiers can find this host.
/// </summary>
public sealed class LiveRegistration(
    IGrainFactory grains,
    SummaryBroadcaster broadcaster,
    IOptions<LiveHubOptions> options,
    TimeProvider time,
    ILogger<LiveRegistration> logger) : BackgroundService
{
    private readonly string _hostId = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";
    private readonly TaskCompletionSource _registered = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Registered => _registered.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var registry = grains.GetGrain<ILiveRegistryGrain>(ILiveRegistryGrain.Key);
        var observer = grains.CreateObjectReference<ISummaryObserver>(broadcaster);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var next = options.Value.RenewInterval;
                try
                {
                    await registry.SubscribeAsync(_hostId, observer);
                    _registered.TrySetResult();
                }
                catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
                {
                    logger.LogWarning(e, "Registering the live observer failed; retrying in a second");
                    next = TimeSpan.FromSeconds(1);
                }

                await Task.Delay(next, time, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: say goodbye so notifiers stop sending here before the entry would expire.
            try
            {
                await registry.UnsubscribeAsync(_hostId).WaitAsync(TimeSpan.FromSeconds(2), time);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                logger.LogDebug(e, "Unsubscribing the live observer on shutdown failed; its entry expires");
            }
        }
        finally
        {
            grains.DeleteObjectReference<ISummaryObserver>(observer);
        }
    }
}
