using GovOpenness.Abstractions.Diagnostics;
using GovOpenness.Abstractions.Plans;
using GovOpenness.Grains.Hosting;
using Microsoft.Extensions.Logging;

namespace GovOpenness.Grains.Delivery;

/// <summary>
/// One job of the body grain: its deliveries to its children in flight, one <see cref="DeliveryRun"/>
/// per year. It sends a run's version to every child still pending, a bounded number at a time, sends
/// again on the retry timer until each child's whole subtree has it, batches a publisher's
/// acknowledgements for the acknowledgement-flush timer, and completes the run when no child is left.
/// The grain keeps what is stored (the outbox, the registry of open outboxes) and the calls to other
/// grains, handed in as delegates; the timers are the grain's, registered through <c>registerTimer</c>.
/// </summary>
/// <param name="bodyId">The body, for the settle keys and the log.</param>
/// <param name="registerTimer">Registers a grain timer on the body grain.</param>
/// <param name="deliverToChild">A parent's delivery to a child (true: the child's whole subtree has it).</param>
/// <param name="childrenWithState">Children known to hold state of their own (the rest are told they hold none).</param>
/// <param name="isFollowingLeaf">Whether a child is a leaf that holds nothing, given the children with state (<see cref="FollowingLeaves"/>): not called.</param>
/// <param name="leavesReached">Stores the one note that stands for those leaves' receipts of the year's version.</param>
/// <param name="completed">Stores the end of a run: the publisher's outbox, or the acknowledgement to the parent.</param>
/// <param name="writeAcknowledgements">Stores the acknowledgements of the given publisher runs in one outbox write.</param>
internal sealed class ChildDeliveries(
    string bodyId,
    CascadeOptions options,
    SettleTracker settle,
    ILogger logger,
    Func<Func<CancellationToken, Task>, GrainTimerCreationOptions, IGrainTimer> registerTimer,
    Func<string, PlanDelivery, bool, Task<bool>> deliverToChild,
    Func<IEnumerable<string>> childrenWithState,
    Func<string, IReadOnlySet<string>, bool> isFollowingLeaf,
    Func<int, Task> leavesReached,
    Func<DeliveryRun, Task> completed,
    Func<IReadOnlyList<DeliveryRun>, Task> writeAcknowledgements)
{
    private readonly Dictionary<int, DeliveryRun> _runs = [];
    private readonly Dictionary<int, string> _completed = [];
    private IGrainTimer? _retryTimer;
    private IGrainTimer? _flushTimer;

    public int Count => _runs.Count;

    public bool AnyPublisher => _runs.Values.Any(r => r.IsPublisher);

    public bool TryGet(int year, out DeliveryRun run) => _runs.TryGetValue(year, out run!);

    public bool Contains(int year) => _runs.ContainsKey(year);

    /// <summary>The stamp of the version whose delivery last completed for the year (null: none here).</summary>
    public string? CompletedStamp(int year) => _completed.GetValueOrDefault(year);

    /// <summary>Notes a version as delivered without a run (a body without children).</summary>
    public void MarkCompleted(int year, string stamp) => _completed[year] = stamp;

    /// <summary>Starts a run (a newer version replaces the one in flight) and sends it.</summary>
    public void Start(DeliveryRun run)
    {
        if (_runs.TryGetValue(run.Year, out var previous))
        {
            // A newer version replaces the one in flight; whoever waited for the year waits for this one.
            run.Done.Task.ContinueWith(t => previous.Done.TrySetResult(t.Result), TaskScheduler.Current);

            // Its sends wait for the older version's calls still in flight (that dispatch stops at its next
            // batch): Orleans does not keep two calls to a child in order, and a child that took the older
            // version after the newer one kept it (seen once in five suite runs: a department kept its
            // parent's deadline after the parent's localization had reached it).
            run.AfterReplaced = previous.Dispatched;
        }

        _runs[run.Year] = run;
        settle.Enter(PendingWork.Delivery, DeliveryKey(run.Year));
        _retryTimer ??= registerTimer(RetryAsync, new GrainTimerCreationOptions
        {
            DueTime = options.RetryInterval,
            Period = options.RetryInterval,
            Interleave = true,
            KeepAlive = true,
        });
        if (run.IsPublisher)
        {
            _flushTimer ??= registerTimer(FlushAcknowledgementsAsync, new GrainTimerCreationOptions
            {
                DueTime = options.AcknowledgementFlushInterval,
                Period = options.AcknowledgementFlushInterval,
                Interleave = false,
                KeepAlive = true,
            });
        }

        Dispatch(run);
    }

    /// <summary>Sends the run's version to every child still pending, a bounded number at a time.</summary>
    public void Dispatch(DeliveryRun run)
    {
        if (!options.DispatchEnabled || run.Dispatching)
        {
            return;
        }

        run.Dispatching = true;
        run.Dispatched = DispatchAsync(run);
    }

    /// <summary>A child's whole subtree has the version of the year's run with this stamp (others are ignored).</summary>
    public Task AcknowledgeAsync(int year, string stamp, string childId) =>
        _runs.TryGetValue(year, out var run) && run.Stamp == stamp ? ChildCompletedAsync(run, childId) : Task.CompletedTask;

    /// <summary>Ends a run: no child is left pending (or none was, on a resume).</summary>
    public async Task CompleteAsync(DeliveryRun run)
    {
        _runs.Remove(run.Year);
        settle.Exit(PendingWork.Delivery, DeliveryKey(run.Year));
        settle.Exit(PendingWork.Delivery, AcknowledgementsKey(run.Year));
        _completed[run.Year] = run.Stamp;
        await completed(run);
        run.Done.TrySetResult(run.Status());
        StopTimersWhenIdle();
    }

    /// <summary>A run still open when the grain goes is resumed from the outbox later, not counted as in flight here.</summary>
    public void Release()
    {
        foreach (var year in _runs.Keys)
        {
            settle.Exit(PendingWork.Delivery, DeliveryKey(year));
            settle.Exit(PendingWork.Delivery, AcknowledgementsKey(year));
        }
    }

    private async Task DispatchAsync(DeliveryRun run)
    {
        try
        {
            // Never faults (its own catch below ends it): only its end matters here.
            await run.AfterReplaced;
            var withState = childrenWithState().ToHashSet(StringComparer.Ordinal);

            // Leaves that hold nothing are not called (FollowingLeaves): one durable note stands for their receipts.
            var leaves = run.Pending.Where(c => isFollowingLeaf(c, withState)).ToList();
            if (leaves.Count > 0)
            {
                await leavesReached(run.Year);
                await ChildrenCompletedAsync(run, leaves);
            }

            foreach (var batch in run.Pending.ToList().Chunk(Math.Max(1, options.MaxParallelDeliveries)))
            {
                if (_runs.GetValueOrDefault(run.Year) != run)
                {
                    // Replaced by a newer version: the rest of the children get that one instead.
                    break;
                }

                await Task.WhenAll(batch.Select(child => DeliverToChildAsync(run, child, withState.Contains(child))));
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The leaves' note was not stored: the retry timer dispatches again.
            logger.LogWarning(e, "Delivery of {Stamp} from {Body} to its leaves failed; will retry", run.Stamp, bodyId);
        }
        finally
        {
            run.Dispatching = false;
        }
    }

    private async Task DeliverToChildAsync(DeliveryRun run, string child, bool hasState)
    {
        try
        {
            if (await deliverToChild(child, run.Delivery, hasState))
            {
                await ChildCompletedAsync(run, child);
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The retry timer sends it again; delivery is idempotent by stamp.
            logger.LogWarning(e, "Delivery of {Stamp} from {Body} to {Child} failed; will retry", run.Stamp, bodyId, child);
        }
    }

    private Task ChildCompletedAsync(DeliveryRun run, string child) => ChildrenCompletedAsync(run, [child]);

    private async Task ChildrenCompletedAsync(DeliveryRun run, IReadOnlyList<string> children)
    {
        if (children.Count(run.Pending.Remove) == 0 || _runs.GetValueOrDefault(run.Year) != run)
        {
            return;
        }

        run.AcknowledgementsDirty = true;
        if (run.IsPublisher)
        {
            // Not durable until the next acknowledgement flush writes the outbox (a crash re-delivers them).
            settle.Enter(PendingWork.Delivery, AcknowledgementsKey(run.Year));
        }

        if (run.Pending.Count == 0)
        {
            await CompleteAsync(run);
        }
    }

    private Task RetryAsync(CancellationToken cancellation)
    {
        foreach (var run in _runs.Values)
        {
            Dispatch(run);
        }

        return Task.CompletedTask;
    }

    /// <summary>One outbox write for however many subtrees acknowledged since the last flush.</summary>
    private async Task FlushAcknowledgementsAsync(CancellationToken cancellation)
    {
        var dirty = _runs.Values.Where(r => r.IsPublisher && r.AcknowledgementsDirty).ToList();
        if (dirty.Count == 0)
        {
            return;
        }

        foreach (var run in dirty)
        {
            run.AcknowledgementsDirty = false;
        }

        await writeAcknowledgements(dirty);
        foreach (var run in dirty)
        {
            settle.Exit(PendingWork.Delivery, AcknowledgementsKey(run.Year));
        }
    }

    private void StopTimersWhenIdle()
    {
        if (_runs.Count > 0)
        {
            return;
        }

        _retryTimer?.Dispose();
        _retryTimer = null;
        _flushTimer?.Dispose();
        _flushTimer = null;
    }

    private string DeliveryKey(int year) => $"{bodyId}/{year}";

    /// <summary>A publisher's acknowledgements held in memory until the acknowledgement flush writes them.</summary>
    private string AcknowledgementsKey(int year) => $"{bodyId}/{year}/acknowledgements";
}
