using GovOpenness.Abstractions;
using GovOpenness.Grains.Storage.Journal;
using Microsoft.Extensions.Logging;
using Orleans.Runtime;

namespace GovOpenness.Grains.Hosting;

/// <summary>
/// Anti-entropy after membership changes (issue 11). Whenever the set of active silos changes (a silo
/// died, left or joined, this one included), the oldest active silo waits for the view to settle, then
/// asks every progress grain whose journal record changed in the last <see cref="Window"/> to resend
/// its full summary (<see cref="IProgressGrain.ResendFullAsync"/>). A grain that lived on a dead silo
/// is activated by the call (and pulls its children's full summaries); a parent that died with an
/// unflushed delta is re-activated by its children's full resends. So every roll-up converges to the
/// stored steps within a bounded time of the cluster becoming whole, without a periodic tick on
/// 45,000 grains while nothing fails. A grain that does not answer (its silo still dying, the database
/// restarting) is asked again with backoff, as is the query for the changed keys: one failed call must not
/// leave a roll-up wrong until a next membership change that may never come.
/// </summary>
public sealed partial class ProgressReconciler(
    IClusterMembershipService membership,
    ILocalSiloDetails localSilo,
    IProgressJournalStore journal,
    IGrainFactory grains,
    ILogger<ProgressReconciler> logger,
    TimeProvider time) : ILifecycleParticipant<ISiloLifecycle>
{
    public const int MaxInFlight = 256;

    /// <summary>How far back a change may have been lost: longer than failure detection plus a flush.</summary>
    public static TimeSpan Window { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long the active set must stay unchanged before reconciling.</summary>
    public static TimeSpan SettleDelay { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>Rounds of asking the grains that failed again (backing off 2 s, 4 s … 60 s: about 15 minutes in all).</summary>
    private const int MaxRounds = 20;

    private static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan LongestRetry = TimeSpan.FromSeconds(60);

    private readonly CancellationTokenSource _stopping = new();
    private Task _loop = Task.CompletedTask;
    private long _runs;
    private long _lastKeys;
    private double _lastSeconds;

    /// <summary>Reconciliations this silo ran, the keys of the last one, and how long it took (metrics).</summary>
    public (long Runs, long LastKeys, double LastSeconds) Stats => (Interlocked.Read(ref _runs), Interlocked.Read(ref _lastKeys), _lastSeconds);

    public void Participate(ISiloLifecycle lifecycle) => lifecycle.Subscribe(
        nameof(ProgressReconciler),
        ServiceLifecycleStage.Active,
        _ =>
        {
            _loop = Task.Run(WatchAsync);
            return Task.CompletedTask;
        },
        async _ =>
        {
            await _stopping.CancelAsync();
            await _loop;
        });

    private async Task WatchAsync()
    {
        HashSet<SiloAddress>? known = null;
        CancellationTokenSource? pending = null;
        try
        {
            await foreach (var snapshot in membership.MembershipUpdates.WithCancellation(_stopping.Token))
            {
                var active = snapshot.Members.Values.Where(m => m.Status == SiloStatus.Active).Select(m => m.SiloAddress).ToHashSet();
                if (known is not null && known.SetEquals(active))
                {
                    continue;
                }

                known = active;

                // Debounced: a kill and a restart in quick succession reconcile once the view is still.
                if (pending is not null)
                {
                    await pending.CancelAsync();
                }

                pending = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
                var leader = active.Count > 0 && active.Min()!.Equals(localSilo.SiloAddress);
                if (leader)
                {
                    _ = ReconcileAfterSettlingAsync(pending.Token);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The silo is stopping.
        }
    }

    private async Task ReconcileAfterSettlingAsync(CancellationToken cancellation)
    {
        try
        {
            await Task.Delay(SettleDelay, time, cancellation);
            var started = time.GetTimestamp();

            // Deliveries too: a publisher that lived on a silo that left holds its run nowhere now.
            await UntilAnsweredAsync(() => grains.GetGrain<IOutboxRegistryGrain>(IOutboxRegistryGrain.Key).ResumeAllAsync(), cancellation);

            // A reconciliation that gives up leaves its roll-ups wrong until the next membership change,
            // which may never come: the database may be restarting (ask again), a grain may be activating on a
            // silo that is still dying (ask it again), until every key answered or a newer change supersedes this.
            var keys = await UntilAnsweredAsync(() => KeysToResendAsync(time.GetUtcNow() - Window), cancellation);
            var owed = keys;
            var wait = FirstRetry;
            for (var round = 1; owed.Count > 0; round++)
            {
                owed = await ResendAllAsync(owed, cancellation);
                if (owed.Count == 0 || round == MaxRounds)
                {
                    break;
                }

                LogResendRetrying(logger, owed.Count, wait.TotalSeconds);
                await Task.Delay(wait, time, cancellation);
                wait = TimeSpan.FromTicks(Math.Min(wait.Ticks * 2, LongestRetry.Ticks));
            }

            _lastSeconds = time.GetElapsedTime(started).TotalSeconds;
            Interlocked.Exchange(ref _lastKeys, keys.Count);
            Interlocked.Increment(ref _runs);
            if (owed.Count > 0)
            {
                LogGaveUp(logger, owed.Count, MaxRounds);
            }

            // Every silo start reconciles once with, normally, nothing to resend: that is no news for the log.
            if (keys.Count > 0)
            {
                LogReconciled(logger, keys.Count, _lastSeconds);
            }
            else
            {
                LogNothingToReconcile(logger, _lastSeconds);
            }
        }
        catch (OperationCanceledException)
        {
            // Superseded by a newer membership change, or stopping.
        }
        catch (Exception e)
        {
            LogReconcileFailed(logger, e);
        }
    }

    /// <summary>The progress grains whose records changed since <paramref name="since"/> (a followers record names its parent's grain).</summary>
    private async Task<List<string>> KeysToResendAsync(DateTimeOffset since) =>
        (await journal.KeysModifiedSinceAsync(since))
            .Where(k => !k.EndsWith("/children", StringComparison.Ordinal))
            // A parent whose followers' receipts changed holds them in its summary: it resends it.
            .Select(k => k.EndsWith("/followers", StringComparison.Ordinal) ? k[..^"/followers".Length] : k)
            .Distinct(StringComparer.Ordinal)
            .ToList();

    private async Task<T> UntilAnsweredAsync<T>(Func<Task<T>> ask, CancellationToken cancellation)
    {
        var wait = FirstRetry;
        while (true)
        {
            try
            {
                return await ask();
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogQueryRetrying(logger, e, wait.TotalSeconds);
                await Task.Delay(wait, time, cancellation);
                wait = TimeSpan.FromTicks(Math.Min(wait.Ticks * 2, LongestRetry.Ticks));
            }
        }
    }

    /// <summary>Asks each grain to resend its full summary, <see cref="MaxInFlight"/> at a time; answers the keys that failed.</summary>
    private async Task<List<string>> ResendAllAsync(IReadOnlyList<string> keys, CancellationToken cancellation)
    {
        var failed = new List<string>();
        using var gate = new SemaphoreSlim(MaxInFlight, MaxInFlight);
        await Task.WhenAll(keys.Select(async key =>
        {
            await gate.WaitAsync(cancellation);
            try
            {
                var grain = grains.GetGrain<IProgressGrain>(key);

                // False: that activation was behind the journal and left; the second call activates the grain afresh.
                if (!await grain.ResendFullAsync() && !await grain.ResendFullAsync())
                {
                    throw new InvalidOperationException($"{key} is still leaving");
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogResendFailed(logger, e, key);
                lock (failed)
                {
                    failed.Add(key);
                }
            }
            finally
            {
                gate.Release();
            }
        }));
        return failed;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Membership changed: asked {Count} progress grains changed recently to resend their full summaries ({Seconds:F1} s)")]
    private static partial void LogReconciled(ILogger logger, int count, double seconds);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Membership changed: no progress grain changed recently, nothing to resend ({Seconds:F1} s)")]
    private static partial void LogNothingToReconcile(ILogger logger, double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Full resend of {Key} failed; asked again")]
    private static partial void LogResendFailed(ILogger logger, Exception exception, string key);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} progress grains did not resend their full summaries; asking them again in {Seconds:F0} s")]
    private static partial void LogResendRetrying(ILogger logger, int count, double seconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Count} progress grains did not resend their full summaries after {Rounds} rounds; the next membership change asks again")]
    private static partial void LogGaveUp(ILogger logger, int count, int rounds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reconciliation could not read the changed progress records; asking again in {Seconds:F0} s")]
    private static partial void LogQueryRetrying(ILogger logger, Exception exception, double seconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "Reconciliation after a membership change failed")]
    private static partial void LogReconcileFailed(ILogger logger, Exception exception);
}
