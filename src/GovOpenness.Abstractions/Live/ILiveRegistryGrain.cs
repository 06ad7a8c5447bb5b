using System.Collections.Immutable;

namespace GovOpenness.Abstractions.Live;

/// <summary>
/// The web hosts currently listening for pushed summaries. Hosts re-subscribe periodically; an entry
/// not renewed within the expiry is dropped, so a silo that left is forgotten. Called only by hosts
/// (every few seconds) and by notifier activations (refreshing their cached list), never per update.
/// </summary>
[Alias("gov.ILiveRegistryGrain")]
public interface ILiveRegistryGrain : IGrainWithStringKey
{
    public const string Key = "hosts";

    /// <summary>Adds or renews the host's observer.</summary>
    [Alias("Subscribe")]
    Task SubscribeAsync(string hostId, ISummaryObserver observer);

    /// <summary>Removes the host's observer (a host shutting down cleanly).</summary>
    [Alias("Unsubscribe")]
    Task UnsubscribeAsync(string hostId);

    /// <summary>The observers not yet expired.</summary>
    [Alias("GetObservers")]
    Task<ImmutableArray<ISummaryObserver>> GetObserversAsync();
}
