using System.Collections.Immutable;
using GovOpenness.Abstractions.Live;
using GovOpenness.Grains.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Utilities;

namespace GovOpenness.Grains.Live;

/// <summary>
/// The hosts listening for pushed summaries and what their viewers watch, and every silo's copy of the
/// latter, all in memory only: after a restart every host re-subscribes and re-sends what it watches
/// within its renewal period, and every silo re-registers within its refresh. Entries expire, so a silo
/// that died without unsubscribing is dropped with what its viewers watched.
/// </summary>
/// <remarks>
/// A key new to the cluster is sent to every silo before the host's call completes (the host reads the
/// body's current summary only then, so no change after that read goes unpushed); removals reach the
/// silos with their next refresh. Until this activation has heard every host it may have lost (it began
/// while the membership listed a dead silo, so an earlier activation may have lived there), its lists are
/// marked incomplete for one observer expiry, and silos keep pushing what they pushed.
/// </remarks>
[GrainType("live-registry")]
public sealed partial class LiveRegistryGrain(
    IOptions<LiveOptions> options, IClusterMembershipService membership, ILogger<LiveRegistryGrain> logger) : Grain, ILiveRegistryGrain
{
    private readonly ObserverManager<string, ISummaryObserver> _hosts = new(options.Value.ObserverExpiry, logger);
    private readonly ObserverManager<string, ILiveInterestObserver> _silos = new(options.Value.ObserverExpiry, logger);
    private readonly WatchedKeys _watched = new();

    // Per key newly watched: the sending of it to the silos, which a second host watching it meanwhile awaits too.
    private readonly Dictionary<string, Task> _announcing = new(StringComparer.Ordinal);
    private long _epoch;
    private long _version;
    private DateTimeOffset _startedAt;
    private bool _mayHaveLostKeys;

    // Real time, as the observer managers' expiry: a test moving the grains' clock must not expire hosts.
    private static TimeProvider Clock => TimeProvider.System;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _startedAt = Clock.GetUtcNow();
        _epoch = _startedAt.UtcTicks;
        _mayHaveLostKeys = membership.CurrentSnapshot.Members.Values.Any(m => m.Status == SiloStatus.Dead);
        return Task.CompletedTask;
    }

    public Task SubscribeAsync(string hostId, ISummaryObserver observer)
    {
        _hosts.Subscribe(hostId, observer);
        _watched.Seen(hostId, Clock.GetUtcNow());
        return Task.CompletedTask;
    }

    public Task UnsubscribeAsync(string hostId)
    {
        _hosts.Unsubscribe(hostId);
        _watched.Forget(hostId);
        return Task.CompletedTask;
    }

    public Task<ImmutableArray<ISummaryObserver>> GetObserversAsync()
    {
        _hosts.ClearExpired();
        return Task.FromResult(_hosts.Observers.Values.ToImmutableArray());
    }

    public Task WatchAsync(string hostId, ImmutableArray<string> keys, long sequence) =>
        AnnounceAsync(_watched.Watch(hostId, keys, sequence, Clock.GetUtcNow()), keys);

    public Task ReplaceWatchedAsync(string hostId, ImmutableArray<string> keys, long sequence) =>
        AnnounceAsync(_watched.Replace(hostId, keys, sequence, Clock.GetUtcNow()), keys);

    public Task<LiveInterestSnapshot> SubscribeInterestAsync(string siloId, ILiveInterestObserver observer)
    {
        _silos.Subscribe(siloId, observer);
        var now = Clock.GetUtcNow();
        _watched.ForgetHostsNotSeenSince(now - options.Value.ObserverExpiry);
        var complete = !_mayHaveLostKeys || now - _startedAt >= options.Value.ObserverExpiry;
        return Task.FromResult(new LiveInterestSnapshot(_epoch, _version, complete, [.. _watched.Keys]));
    }

    /// <summary>Sends the keys new to the cluster to every silo, and waits for those another call is sending.</summary>
    private async Task AnnounceAsync(IReadOnlyList<string> added, ImmutableArray<string> asked)
    {
        var waits = asked.Where(k => !added.Contains(k)).Select(k => _announcing.GetValueOrDefault(k)).OfType<Task>().Distinct().ToList();
        if (added.Count > 0)
        {
            var sending = SendAsync(new LiveInterestSnapshot(_epoch, ++_version, Complete: false, [.. added]));
            foreach (var key in added)
            {
                _announcing[key] = sending;
            }

            waits.Add(sending);
            _ = sending.ContinueWith(
                _ =>
                {
                    foreach (var key in added)
                    {
                        if (_announcing.GetValueOrDefault(key) == sending)
                        {
                            _announcing.Remove(key);
                        }
                    }
                },
                CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Current);
        }

        await Task.WhenAll(waits);
    }

    // A silo that does not answer in time (dying, or gone) is not waited for: it learns the keys with its
    // next refresh, and a silo that died takes its grains (and their pushes) with it.
    private async Task SendAsync(LiveInterestSnapshot added)
    {
        _silos.ClearExpired();
        var timeout = options.Value.InterestBroadcastTimeout;
        await Task.WhenAll(_silos.Observers.Select(async silo =>
        {
            try
            {
                await silo.Value.OnWatchedAsync(added).WaitAsync(timeout);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                LogSiloMissed(logger, e, silo.Key, added.Keys.Length);
            }
        }));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Silo {Silo} did not take {Count} newly watched bodies in time; it gets them with its next refresh")]
    private static partial void LogSiloMissed(ILogger logger, Exception exception, string silo, int count);
}
