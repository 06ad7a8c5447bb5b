using System.Collections.Immutable;

namespace GovOpenness.Abstractions.Live;

/// <summary>
/// The web hosts currently listening for pushed summaries, and what their viewers watch. Hosts
/// re-subscribe periodically; an entry not renewed within the expiry is dropped, so a silo that left is
/// forgotten. Every silo keeps a copy of both (<see cref="ILiveInterestObserver"/>): a progress grain
/// nobody watches builds and sends no push at all, and notifiers read the hosts from their silo's copy.
/// Called by hosts (every few seconds, and on a viewer's first subscription to a body) and by silos
/// (refreshing their copy), never per update.
/// </summary>
[Alias("gov.ILiveRegistryGrain")]
public interface ILiveRegistryGrain : IGrainWithStringKey
{
    public const string Key = "hosts";

    /// <summary>
    /// Adds or renews the host's observer; a host new to this activation is sent to every silo before the
    /// call completes. Answers the activation's epoch (<see cref="LiveInterestSnapshot.Epoch"/>): a host
    /// that sees a new one re-sends what its viewers watch at once (the registry moved or restarted).
    /// </summary>
    [Alias("Subscribe"), Orleans.Concurrency.AlwaysInterleave]
    Task<long> SubscribeAsync(string hostId, ISummaryObserver observer);

    /// <summary>Removes the host's observer (a host shutting down cleanly).</summary>
    [Alias("Unsubscribe")]
    Task UnsubscribeAsync(string hostId);

    /// <summary>
    /// The host's viewers watch these keys ("{bodyId}/{year}", <see cref="IProgressGrain.Key"/>) from now on;
    /// completes once every silo knows them. <paramref name="sequence"/> orders the host's calls
    /// (<see cref="ReplaceWatchedAsync"/>).
    /// </summary>
    [Alias("Watch"), Orleans.Concurrency.AlwaysInterleave]
    Task WatchAsync(string hostId, ImmutableArray<string> keys, long sequence);

    /// <summary>
    /// Everything the host's viewers watch now, as it stood at the host's <paramref name="sequence"/> (its
    /// periodic renewal): keys it no longer lists are dropped, except those watched by a later call; keys
    /// new to the registry (after it restarted) are added as by <see cref="WatchAsync"/>.
    /// </summary>
    [Alias("ReplaceWatched"), Orleans.Concurrency.AlwaysInterleave]
    Task ReplaceWatchedAsync(string hostId, ImmutableArray<string> keys, long sequence);

    /// <summary>
    /// Adds or renews a silo's copy of the watched keys and hosts; answers them all as they stand.
    /// <paramref name="lastEpoch"/> is the epoch of the last list the silo took (0 for none): one of another
    /// activation tells this one that it took over and may not know everything yet.
    /// </summary>
    [Alias("SubscribeInterest")]
    Task<LiveInterestSnapshot> SubscribeInterestAsync(string siloId, ILiveInterestObserver observer, long lastEpoch);

    /// <summary>The observers not yet expired (diagnostics; notifiers read their silo's copy).</summary>
    [Alias("GetObservers")]
    Task<ImmutableArray<ISummaryObserver>> GetObserversAsync();
}
