using System.Collections.Immutable;
using GovOpenness.Abstractions.Live;
using GovOpenness.Grains.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Utilities;

namespace GovOpenness.Grains.Live;

/// <summary>
/// The hosts listening for pushed summaries, in memory only: after a restart every host re-subscribes
/// within its renewal period. Entries expire, so a silo that died without unsubscribing is dropped.
/// </summary>
[GrainType("live-registry")]
public sealed class LiveRegistryGrain(IOptions<LiveOptions> options, ILogger<LiveRegistryGrain> logger) : Grain, ILiveRegistryGrain
{
    private readonly ObserverManager<string, ISummaryObserver> _hosts = new(options.Value.ObserverExpiry, logger);

    public Task SubscribeAsync(string hostId, ISummaryObserver observer)
    {
        _hosts.Subscribe(hostId, observer);
        return Task.CompletedTask;
    }

    public Task UnsubscribeAsync(string hostId)
    {
        _hosts.Unsubscribe(hostId);
        return Task.CompletedTask;
    }

    public Task<ImmutableArray<ISummaryObserver>> GetObserversAsync()
    {
        _hosts.ClearExpired();
        return Task.FromResult(_hosts.Observers.Values.ToImmutableArray());
    }
}
