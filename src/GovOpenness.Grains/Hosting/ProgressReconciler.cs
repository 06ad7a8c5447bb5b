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
/// 45,000 grains while nothing fails.
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
            var keys = (await journal.KeysModifiedSinceAsync(time.GetUtcNow() - Window))
                .Where(k => !k.EndsWith("/children", StringComparison.Ordinal))
                // A parent whose followers' receipts changed holds them in its summary: it resends it.
                .Select(k => k.EndsWith("/followers", StringComparison.Ordinal) ? k[..^"/followers".Length] : k)
                .Distinct(StringComparer.Ordinal)
                .ToList();
            using var gate = new SemaphoreSlim(MaxInFlight, MaxInFlight);
            await Task.WhenAll(keys.Select(async key =>
            {
                await gate.WaitAsync(cancellation);
                try
                {
                    await grains.GetGrain<IProgressGrain>(key).ResendFullAsync();
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    LogResendFailed(logger, e, key);
                }
                finally
                {
                    gate.Release();
                }
            }));
            _lastSeconds = time.GetElapsedTime(started).TotalSeconds;
            Interlocked.Exchange(ref _lastKeys, keys.Count);
            Interlocked.Increment(ref _runs);
            LogReconciled(logger, keys.Count, _lastSeconds);
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Membership changed: asked {Count} progress grains changed recently to resend their full summaries ({Seconds:F1} s)")]
    private static partial void LogReconciled(ILogger logger, int count, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Full resend of {Key} failed; the next membership change retries")]
    private static partial void LogResendFailed(ILogger logger, Exception exception, string key);

    [LoggerMessage(Level = LogLevel.Error, Message = "Reconciliation after a membership change failed")]
    private static partial void LogReconcileFailed(ILogger logger, Exception exception);
}
