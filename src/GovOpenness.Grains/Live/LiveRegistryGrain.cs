using System.Collections.Immutable;
using GovOpenness.Abstractions.Live;
using GovOpenness.Grains.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Utilities;

namespace GovOpenness.Grains.Live;

/// <summary>
/// The hosts listening for pushed summaries and what their viewers watch, and every silo's copy of both,
/// all in memory only: after a restart (or a move: a silo joining can take the grain over) every host
/// re-subscribes within its check interval and re-sends what it watches, and every silo re-registers
/// within its refresh. Entries expire, so a silo that died without unsubscribing is dropped with what
/// its viewers watched.
/// </summary>
/// <remarks>
/// A key new to the cluster, or a host new to this activation, is sent to every silo before the call
/// completes (the host reads the body's current summary only then, so no change after that read goes
/// unpushed); removals reach the silos with their next refresh. Its lists are complete only once every
/// active silo has registered its copy with it and none had taken a list of another activation: one that
/// had shows this activation took over (the registry moved as a silo joined, or restarted), and its lists
/// stay incomplete for one observer expiry, by when every live host has renewed with it; silos keep what
/// they had meanwhile. An addition also waits until every active silo has registered (at most one
/// refresh), so no silo misses a watch made just after a takeover.
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
    private TaskCompletionSource _siloRegistered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _epoch;
    private long _version;
    private DateTimeOffset? _tookOverAt;

    // Real time, as the observer managers' expiry: a test moving the grains' clock must not expire hosts.
    private static TimeProvider Clock => TimeProvider.System;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _epoch = Clock.GetUtcNow().UtcTicks;
        return Task.CompletedTask;
    }

    public async Task<long> SubscribeAsync(string hostId, ISummaryObserver observer)
    {
        _hosts.ClearExpired();
        var known = _hosts.Observers.TryGetValue(hostId, out var listed) && listed.Equals(observer);
        _hosts.Subscribe(hostId, observer);
        _watched.Seen(hostId, Clock.GetUtcNow());
        if (!known)
        {
            await SendAsync(new LiveInterestSnapshot(_epoch, ++_version, Complete: false, [], [new LiveHost(hostId, observer)]));
        }

        return _epoch;
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

    public Task<LiveInterestSnapshot> SubscribeInterestAsync(string siloId, ILiveInterestObserver observer, long lastEpoch)
    {
        _silos.Subscribe(siloId, observer);
        var now = Clock.GetUtcNow();
        if (lastEpoch != 0 && lastEpoch != _epoch)
        {
            _tookOverAt ??= now;
        }

        _hosts.ClearExpired();
        _watched.ForgetHostsNotSeenSince(now - options.Value.ObserverExpiry);
        var complete = _tookOverAt is { } tookOver ? now - tookOver >= options.Value.ObserverExpiry : !AnActiveSiloIsMissing();
        var hosts = _hosts.Observers.Select(h => new LiveHost(h.Key, h.Value)).ToImmutableArray();
        var registered = _siloRegistered;
        _siloRegistered = new(TaskCreationOptions.RunContinuationsAsynchronously);
        registered.TrySetResult();
        return Task.FromResult(new LiveInterestSnapshot(_epoch, _version, complete, [.. _watched.Keys], hosts));
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

    // A silo that does not answer in time (dying, or gone) is not waited for: it learns the addition with
    // its next refresh, and a silo that died takes its grains (and their pushes) with it.
    private async Task SendAsync(LiveInterestSnapshot added)
    {
        await WhenEveryActiveSiloRegisteredAsync();
        _silos.ClearExpired();
        var timeout = options.Value.InterestBroadcastTimeout;
        await Task.WhenAll(_silos.Observers.Select(async silo =>
        {
            try
            {
                await silo.Value.OnAddedAsync(added).WaitAsync(timeout);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                LogSiloMissed(logger, e, silo.Key, added.Keys.Length + added.Hosts.Length);
            }
        }));
    }

    /// <summary>
    /// Waits until every silo the membership lists as active has registered its copy here, for at most one
    /// silo refresh and a broadcast timeout: at once but for an activation that just took over, whose
    /// silos still register with the one they knew (a silo that never registers is not waited for longer).
    /// </summary>
    private async Task WhenEveryActiveSiloRegisteredAsync()
    {
        var deadline = Clock.GetUtcNow() + options.Value.InterestRefreshInterval + options.Value.InterestBroadcastTimeout;
        while (AnActiveSiloIsMissing())
        {
            var left = deadline - Clock.GetUtcNow();
            if (left <= TimeSpan.Zero)
            {
                return;
            }

            try
            {
                await _siloRegistered.Task.WaitAsync(left);
            }
            catch (TimeoutException)
            {
                return;
            }
        }
    }

    private bool AnActiveSiloIsMissing()
    {
        var registered = _silos.Observers;
        return membership.CurrentSnapshot.Members.Values
            .Any(m => m.Status == SiloStatus.Active && !registered.ContainsKey(m.SiloAddress.ToParsableString()));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Silo {Silo} did not take {Count} newly watched bodies or hosts in time; it gets them with its next refresh")]
    private static partial void LogSiloMissed(ILogger logger, Exception exception, string silo, int count);
}
