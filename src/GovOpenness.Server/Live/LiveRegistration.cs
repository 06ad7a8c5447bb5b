using System.Collections.Immutable;
using GovOpenness.Abstractions;
using GovOpenness.Abstractions.Live;
using Microsoft.Extensions.Options;

namespace GovOpenness.Server.Live;

/// <summary>
/// Registers this host's observer with the registry grain and confirms it every few seconds, so the
/// registry forgets hosts whose silo left (their entries expire) and relearns this one soon after it
/// moves or restarts. <see cref="Registered"/> completes with the first registration, which every silo's
/// copy has taken: /health/ready waits for it, so a load balancer sends no viewer here before the
/// notifiers can find this host.
/// </summary>
/// <remarks>
/// It also tells the registry what this host's viewers watch: a body's first viewer here waits until every
/// silo knows it (<see cref="WatchAsync"/>), and each renewal sends the whole list as it stands, so what
/// nobody here watches any more stops being pushed within a renewal and a silo's refresh, and a registry
/// that moved or restarted (a new epoch) learns it all again at once.
/// </remarks>
public sealed class LiveRegistration(
    IGrainFactory grains,
    SummaryBroadcaster broadcaster,
    LiveGroups groups,
    IOptions<LiveHubOptions> options,
    TimeProvider time,
    ILogger<LiveRegistration> logger) : BackgroundService
{
    private readonly string _hostId = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";
    private readonly TaskCompletionSource _registered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock _lock = new();

    // Keys whose watch this host sent (or is sending), pruned to what its viewers watch at each renewal.
    private readonly Dictionary<string, Task> _watching = new(StringComparer.Ordinal);

    // Orders this host's calls: a renewal drops only keys listed at or before its own number.
    private long _sequence;

    public Task Registered => _registered.Task;

    /// <summary>
    /// Every silo pushes the body's summary and its children's from now on: completes once they all know
    /// (at once when a viewer here already watches it). Call after joining the body's groups.
    /// </summary>
    public Task WatchAsync(string bodyId, int year)
    {
        var key = IProgressGrain.Key(bodyId, year);
        lock (_lock)
        {
            if (_watching.TryGetValue(key, out var sent) && !sent.IsFaulted && !sent.IsCanceled)
            {
                return sent;
            }

            var call = grains.GetGrain<ILiveRegistryGrain>(ILiveRegistryGrain.Key).WatchAsync(_hostId, [key], ++_sequence);
            _watching[key] = call;
            return call;
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var registry = grains.GetGrain<ILiveRegistryGrain>(ILiveRegistryGrain.Key);
        var observer = grains.CreateObjectReference<ISummaryObserver>(broadcaster);
        long? epoch = null;
        var renewedAt = DateTimeOffset.MinValue;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var next = options.Value.CheckInterval;
                try
                {
                    // Completes once every silo knows this host (it is new to the registry), or at once.
                    var answered = await registry.SubscribeAsync(_hostId, observer);
                    _registered.TrySetResult();

                    // A new epoch is a registry that moved or restarted and knows nothing this host watches.
                    if (answered != epoch || time.GetUtcNow() - renewedAt >= options.Value.RenewInterval)
                    {
                        var (watched, sequence) = WatchedNow();
                        await registry.ReplaceWatchedAsync(_hostId, watched, sequence);
                        (epoch, renewedAt) = (answered, time.GetUtcNow());
                    }
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

    /// <summary>
    /// What this host's viewers watch now, and the sequence it stands at. A viewer joins its groups before
    /// it watches, so a key missing here is watched again with a later number (kept by the registry).
    /// </summary>
    private (ImmutableArray<string> Keys, long Sequence) WatchedNow()
    {
        lock (_lock)
        {
            var keys = groups.WatchedKeys();
            var listed = keys.ToHashSet(StringComparer.Ordinal);
            foreach (var key in _watching.Keys.Where(k => !listed.Contains(k)).ToList())
            {
                _watching.Remove(key);
            }

            return (keys, ++_sequence);
        }
    }
}
