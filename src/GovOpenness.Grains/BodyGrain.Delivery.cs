using GovOpenness.Grains.Hosting;
using Microsoft.Extensions.DependencyInjection;
using GovOpenness.Abstractions.Diagnostics;
using GovOpenness.Abstractions;
using GovOpenness.Abstractions.Plans;
using GovOpenness.Grains.State;
using Microsoft.Extensions.Logging;

namespace GovOpenness.Grains;

public sealed partial class BodyGrain
{
    private const int RebaseHistoryLimit = 20;
    private readonly Dictionary<int, DeliveryRun> _runs = [];
    private readonly Dictionary<int, string> _completed = [];
    private IGrainTimer? _retryTimer;
    private IGrainTimer? _flushTimer;

    public async Task<bool> DeliverAsync(PlanDelivery delivery, bool hasState)
    {
        if (!hasState)
        {
            AssumeNoState();
        }

        await EnsureLoadedAsync();
        var year = delivery.Year;
        var mine = _plans.State.Years.GetValueOrDefault(year);
        if (mine?.Own is not null)
        {
            // This body publishes its own plan for the year; its subtree follows that one.
            return true;
        }

        var children = ChildIds.ToList();
        // A version this body only pulled (a read of its plan, e.g. by its progress grain, came before the
        // delivery) has not been passed down yet: treat it as new, or the subtree would never get it.
        if (_fromParent.TryGetValue(year, out var previous) && previous.Plan.Stamp == delivery.Plan.Stamp && !PulledOnly(year, children))
        {
            return RepeatDelivery(year);
        }

        // Only leaves that follow below (a township's villages): one note for its receipt and theirs, no run to hold.
        var withState = _profile.State.ChildrenWithState.ToHashSet(StringComparer.Ordinal);
        var onlyFollowingLeaves = children.Count > 0 && children.All(c => FollowingLeaves.IsFollowingLeaf(_catalog, c, withState));
        await AcceptFromParentAsync(delivery, onlyFollowingLeaves ? PlanMilestoneKind.ReceivedWithLeaves : PlanMilestoneKind.Received);
        if (children.Count == 0)
        {
            // A leaf derives its plan only when someone asks: nothing to store, nothing to hold. One that
            // holds nothing of its own goes at once, so a quiet national tree (620,000 villages) keeps no
            // activation per leaf; its receipt is stored, and a read pulls the plan from the parent again.
            if (_plans.State.Years.Count == 0 && _runs.Count == 0)
            {
                DeactivateOnIdle();
            }

            return true;
        }

        var forChildren = await GetDeliveryForChildAsync(year);
        if (_completed.GetValueOrDefault(year) == forChildren!.Plan.Stamp)
        {
            return true;
        }

        if (onlyFollowingLeaves)
        {
            _completed[year] = forChildren.Plan.Stamp;
            return true;
        }

        StartRun(new DeliveryRun(forChildren, children, delivery.Plan.Stamp));
        return false;
    }

    public Task AcknowledgeAsync(int year, string stamp, string childId)
    {
        if (_runs.TryGetValue(year, out var run) && run.Stamp == stamp)
        {
            return ChildCompletedAsync(run, childId);
        }

        return Task.CompletedTask;
    }

    public async Task<DeliveryStatus?> GetDeliveryStatusAsync(int year)
    {
        if (_runs.TryGetValue(year, out var run))
        {
            return run.Status();
        }

        if (_completed.TryGetValue(year, out var stamp))
        {
            return new DeliveryStatus(year, stamp, true, []);
        }

        await EnsureLoadedAsync();
        return _outbox.State.Years.TryGetValue(year, out var entry) ? new DeliveryStatus(year, entry.Stamp, entry.Complete, []) : null;
    }

    public async Task<DeliveryStatus?> WaitForDeliveryAsync(int year)
    {
        await EnsureLoadedAsync();
        if (!_runs.ContainsKey(year) && _outbox.State.Years.GetValueOrDefault(year) is { Complete: false })
        {
            await ResumeYearAsync(year);
        }

        return _runs.TryGetValue(year, out var run) ? await run.Done.Task : await GetDeliveryStatusAsync(year);
    }

    public async Task ResumeDeliveriesAsync()
    {
        await EnsureLoadedAsync();
        var years = _plans.State.Years
            .Where(p => p.Value.Own is not null || p.Value.LocalRevision > 0)
            .Select(p => p.Key)
            .Where(y => _outbox.State.Years.GetValueOrDefault(y) is not { Complete: true })
            .ToList();
        foreach (var year in years)
        {
            await ResumeYearAsync(year);
        }

        if (!_runs.Values.Any(r => r.IsPublisher))
        {
            await GrainFactory.GetGrain<IOutboxRegistryGrain>(IOutboxRegistryGrain.Key).CompleteAsync(Id);
        }
    }

    /// <summary>
    /// Publisher side: records the version in the outbox (and this body in the registry of open
    /// outboxes) before sending anything, so a crash at any point is resumed, never lost.
    /// </summary>
    private async Task StartDurableDeliveryAsync(int year, EffectivePlan plan, bool writePlans)
    {
        _effective[year] = plan;
        var children = ChildIds.ToList();
        if (children.Count > 0)
        {
            await GrainFactory.GetGrain<IOutboxRegistryGrain>(IOutboxRegistryGrain.Key).RegisterAsync(Id);
        }

        if (writePlans)
        {
            await _plans.WriteAsync();
        }

        if (children.Count == 0)
        {
            _completed[year] = plan.Stamp;
            return;
        }

        _outbox.State.Years[year] = new OutboxEntry { Stamp = plan.Stamp };
        await _outbox.WriteAsync();
        StartRun(new DeliveryRun((await GetDeliveryForChildAsync(year))!, children, parentStamp: null));
    }

    private async Task ResumeYearAsync(int year)
    {
        if (_runs.ContainsKey(year) || await GetDeliveryForChildAsync(year) is not { } delivery)
        {
            return;
        }

        if (_outbox.State.Years.GetValueOrDefault(year) is not { } entry || entry.Stamp != delivery.Plan.Stamp)
        {
            _outbox.State.Years[year] = entry = new OutboxEntry { Stamp = delivery.Plan.Stamp };
            await _outbox.WriteAsync();
        }

        var pending = ChildIds.Except(entry.Acknowledged).ToList();
        var run = new DeliveryRun(delivery, pending, parentStamp: null);
        if (pending.Count == 0)
        {
            await CompleteRunAsync(run);
            return;
        }

        StartRun(run);
    }

    private bool PulledOnly(int year, List<string> children) =>
        children.Count > 0 && !_runs.ContainsKey(year) && !(_effective.TryGetValue(year, out var plan) && _completed.GetValueOrDefault(year) == plan.Stamp);

    private bool RepeatDelivery(int year)
    {
        if (_runs.TryGetValue(year, out var run))
        {
            // The parent is retrying: our subtree is not done yet, so push again to those still missing.
            Dispatch(run);
            return false;
        }

        return _effective.TryGetValue(year, out var plan) && _completed.GetValueOrDefault(year) == plan.Stamp
            || !ChildIds.Any();
    }

    /// <summary>
    /// Takes a parent version, delivered or pulled. A body with changes of its own merges them onto it
    /// and records that, once per version (keyed by its stamp): the only write a delivery can cause.
    /// </summary>
    private async Task AcceptFromParentAsync(PlanDelivery delivery, PlanMilestoneKind noted = PlanMilestoneKind.Received)
    {
        await NoteMilestoneAsync(delivery.Year, noted);
        _fromParent[delivery.Year] = delivery;
        _effective.Remove(delivery.Year);
        if (_plans.State.Years.GetValueOrDefault(delivery.Year) is { LocalRevision: > 0 } mine && mine.BasedOnStamp != delivery.Plan.Stamp)
        {
            await RebaseAsync(mine, Derive(delivery.Year, delivery), delivery.Plan.Stamp);
        }
    }

    private async Task RebaseAsync(YearPlan mine, EffectivePlan merged, string parentStamp)
    {
        mine.BasedOnStamp = parentStamp;
        mine.Conflicts = [.. merged.Conflicts];
        mine.RebaseHistory.Add(parentStamp);
        if (mine.RebaseHistory.Count > RebaseHistoryLimit)
        {
            mine.RebaseHistory.RemoveAt(0);
        }

        await _plans.WriteAsync();
    }

    private void StartRun(DeliveryRun run)
    {
        if (_runs.TryGetValue(run.Year, out var previous))
        {
            // A newer version replaces the one in flight; whoever waited for the year waits for this one.
            run.Done.Task.ContinueWith(t => previous.Done.TrySetResult(t.Result), TaskScheduler.Current);
        }

        _runs[run.Year] = run;
        Settle.Enter(PendingWork.Delivery, DeliveryKey(run.Year));
        _retryTimer ??= this.RegisterGrainTimer(RetryAsync, new GrainTimerCreationOptions
        {
            DueTime = _options.RetryInterval,
            Period = _options.RetryInterval,
            Interleave = true,
            KeepAlive = true,
        });
        if (run.IsPublisher)
        {
            _flushTimer ??= this.RegisterGrainTimer(FlushAcknowledgementsAsync, new GrainTimerCreationOptions
            {
                DueTime = _options.AcknowledgementFlushInterval,
                Period = _options.AcknowledgementFlushInterval,
                Interleave = false,
                KeepAlive = true,
            });
        }

        Dispatch(run);
    }

    /// <summary>Sends the run's version to every child still pending, a bounded number at a time.</summary>
    private void Dispatch(DeliveryRun run)
    {
        if (!_options.DispatchEnabled || run.Dispatching)
        {
            return;
        }

        run.Dispatching = true;
        _ = DispatchAsync(run);
    }

    private async Task DispatchAsync(DeliveryRun run)
    {
        try
        {
            var withState = _profile.State.ChildrenWithState.ToHashSet(StringComparer.Ordinal);
            // Leaves that hold nothing are not called (FollowingLeaves): one durable note stands for their receipts.
            var leaves = run.Pending.Where(c => FollowingLeaves.IsFollowingLeaf(_catalog, c, withState)).ToList();
            if (leaves.Count > 0)
            {
                await NoteMilestoneAsync(run.Year, PlanMilestoneKind.LeavesReceived);
                await ChildrenCompletedAsync(run, leaves);
            }

            foreach (var batch in run.Pending.ToList().Chunk(Math.Max(1, _options.MaxParallelDeliveries)))
            {
                await Task.WhenAll(batch.Select(child => DeliverToChildAsync(run, child, withState.Contains(child))));
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The leaves' note was not stored: the retry timer dispatches again.
            _logger.LogWarning(e, "Delivery of {Stamp} from {Body} to its leaves failed; will retry", run.Stamp, Id);
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
            if (await Peer(child).DeliverAsync(run.Delivery, hasState))
            {
                await ChildCompletedAsync(run, child);
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The retry timer sends it again; delivery is idempotent by stamp.
            _logger.LogWarning(e, "Delivery of {Stamp} from {Body} to {Child} failed; will retry", run.Stamp, Id, child);
        }
    }

    private Task ChildCompletedAsync(DeliveryRun run, string child) => ChildrenCompletedAsync(run, [child]);

    private async Task ChildrenCompletedAsync(DeliveryRun run, IReadOnlyList<string> children)
    {
        var removed = children.Count(run.Pending.Remove);
        if (removed == 0 || _runs.GetValueOrDefault(run.Year) != run)
        {
            return;
        }

        run.AcknowledgementsDirty = true;
        if (run.Pending.Count == 0)
        {
            await CompleteRunAsync(run);
        }
    }

    private async Task CompleteRunAsync(DeliveryRun run)
    {
        _runs.Remove(run.Year);
        Settle.Exit(PendingWork.Delivery, DeliveryKey(run.Year));
        _completed[run.Year] = run.Stamp;
        if (run.IsPublisher)
        {
            var entry = _outbox.State.Years[run.Year] = new OutboxEntry { Stamp = run.Stamp, Complete = true };
            await _outbox.WriteAsync();
            if (!_runs.Values.Any(r => r.IsPublisher))
            {
                await GrainFactory.GetGrain<IOutboxRegistryGrain>(IOutboxRegistryGrain.Key).CompleteAsync(Id);
            }
        }
        else if (ParentId is { } parentId)
        {
            await Peer(parentId).AcknowledgeAsync(run.Year, run.ParentStamp!, Id);
        }

        run.Done.TrySetResult(run.Status());
        StopTimersWhenIdle();
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
            _outbox.State.Years[run.Year] = new OutboxEntry { Stamp = run.Stamp, Acknowledged = [.. ChildIds.Except(run.Pending)] };
        }

        await _outbox.WriteAsync();
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

    private SettleTracker Settle => ServiceProvider.GetRequiredService<SettleTracker>();

    private string DeliveryKey(int year) => $"{Id}/{year}";

    /// <summary>A run still open when the grain goes is resumed from the outbox later, not counted as in flight here.</summary>
    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        foreach (var year in _runs.Keys)
        {
            Settle.Exit(PendingWork.Delivery, DeliveryKey(year));
        }

        return base.OnDeactivateAsync(reason, cancellationToken);
    }
}
