using GovOpenness.Abstractions.Live;
using GovOpenness.Grains.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Runtime;

namespace GovOpenness.Grains.Live;

/// <summary>
/// Keeps this silo's <see cref="LiveInterest"/> registered with the live registry: once the silo is active,
/// then every <see cref="LiveOptions.InterestRefreshInterval"/> (which also re-registers it with a registry
/// that restarted, and brings the removals). A failed refresh is retried after a second; meanwhile the copy
/// keeps what it had, and a silo that never got a complete list pushes everything.
/// </summary>
public sealed partial class LiveInterestSync(
    LiveInterest interest,
    IGrainFactory grains,
    ILocalSiloDetails localSilo,
    IOptions<LiveOptions> options,
    TimeProvider time,
    ILogger<LiveInterestSync> logger) : ILifecycleParticipant<ISiloLifecycle>
{
    private readonly CancellationTokenSource _stopping = new();
    private Task _loop = Task.CompletedTask;

    public void Participate(ISiloLifecycle lifecycle) => lifecycle.Subscribe(
        nameof(LiveInterestSync),
        ServiceLifecycleStage.Active,
        _ =>
        {
            _loop = Task.Run(RefreshLoopAsync);
            return Task.CompletedTask;
        },
        async _ =>
        {
            await _stopping.CancelAsync();
            await _loop;
        });

    private async Task RefreshLoopAsync()
    {
        var registry = grains.GetGrain<ILiveRegistryGrain>(ILiveRegistryGrain.Key);
        var reference = grains.CreateObjectReference<ILiveInterestObserver>(interest);
        var siloId = localSilo.SiloAddress.ToParsableString();
        try
        {
            while (!_stopping.IsCancellationRequested)
            {
                var next = options.Value.InterestRefreshInterval;
                try
                {
                    interest.Replace(await registry.SubscribeInterestAsync(siloId, reference, interest.LastEpoch));
                }
                catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
                {
                    LogRefreshFailed(logger, e);
                    next = TimeSpan.FromSeconds(1);
                }

                await Task.Delay(next, time, _stopping.Token);
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            // The silo is stopping.
        }
        finally
        {
            grains.DeleteObjectReference<ILiveInterestObserver>(reference);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refreshing this silo's copy of the watched bodies failed; retrying in a second")]
    private static partial void LogRefreshFailed(ILogger logger, Exception exception);
}
