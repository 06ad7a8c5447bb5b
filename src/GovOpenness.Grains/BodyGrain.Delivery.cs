using GovOpenness.Grains.Hosting;
using Microsoft.Extensions.DependencyInjection;
using GovOpenness.Abstractions.Diagnostics;
using GovOpenness.Abstractions;
using GovOpenness.Abstractions.Plans;
using GovOpenness.Grains.Delivery;
using GovOpenness.Grains.State;
using Microsoft.Extensions.Logging;

namespace GovOpenness.Grains;

public sealed partial class BodyGrain
{
    private const int RebaseHistoryLimit = 20;

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
            if (_plans.State.Years.Count == 0 && (_deliveries?.Count ?? 0) == 0)
            {
                DeactivateOnIdle();
            }

            return true;
        }

        var forChildren = await GetDeliveryForChildAsync(year);
        if (Deliveries.CompletedStamp(year) == forChildren!.Plan.Stamp)
        {
            return true;
        }

        if (onlyFollowingLeaves)
        {
            Deliveries.MarkCompleted(year, forChildren.Plan.Stamp);
            return true;
        }

        StartRun(new DeliveryRun(forChildren, children, delivery.Plan.Stamp));
        return false;
    }

    public Task AcknowledgeAsync(int year, string stamp, string childId) => Deliveries.AcknowledgeAsync(year, stamp, childId);

    public async Task<DeliveryStatus?> GetDeliveryStatusAsync(int year)
    {
        if (Deliveries.TryGet(year, out var run))
        {
            return run.Status();
        }

        if (Deliveries.CompletedStamp(year) is { } stamp)
        {
            return new DeliveryStatus(year, stamp, true, []);
        }

        await EnsureLoadedAsync();
        return _outbox.State.Years.TryGetValue(year, out var entry) ? new DeliveryStatus(year, entry.Stamp, entry.Complete, []) : null;
    }

    public async Task<DeliveryStatus?> WaitForDeliveryAsync(int year)
    {
        await EnsureLoadedAsync();
        if (!Deliveries.Contains(year) && _outbox.State.Years.GetValueOrDefault(year) is { Complete: false })
        {
            await ResumeYearAsync(year);
        }

        return Deliveries.TryGet(year, out var run) ? await run.Done.Task : await GetDeliveryStatusAsync(year);
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

        if (!Deliveries.AnyPublisher)
        {
            await GrainFactory.GetGrain<IOutboxRegistryGrain>(IOutboxRegistryGrain.Key).CompleteAsync(Id);
        }
    }

    /// <summary>
    /// What must be done before an issue's first write, neither depending on the other, so both at once: the
    /// parent knows this body keeps state (or a later delivery would tell it it has none), and a body with
    /// children is in the registry of open outboxes (so a crash after the plan is stored is resumed). Neither
    /// changes this body's memory; a failure fails the command before anything is stored.
    /// </summary>
    private Task BeforeFirstIssueWriteAsync() =>
        Task.WhenAll(
            AnnounceStateToParentAsync(),
            ChildIds.Any() ? GrainFactory.GetGrain<IOutboxRegistryGrain>(IOutboxRegistryGrain.Key).RegisterAsync(Id) : Task.CompletedTask);

    /// <summary>
    /// Stores an issue (a publication or localization already applied in memory; <see cref="BeforeFirstIssueWriteAsync"/>
    /// done) and acknowledges it only once all of it is durable. The plans first: every other part describes
    /// the stored version. Then, independent of one another and so at once instead of one after another: the
    /// outbox (the version recorded before anything is sent, so a crash at any point is resumed, never lost)
    /// and the delivery's start, the entry in the version log, and the milestones (one group commit). A crash
    /// among them leaves the plan stored and the command unacknowledged: its retry finishes what is missing
    /// (<see cref="FinishRetriedIssueAsync"/>), and a restart resumes the registered outbox.
    /// </summary>
    private async Task IssueDurablyAsync(int year, EffectivePlan plan, params PlanMilestoneKind[] issued)
    {
        _effective[year] = plan;
        await _plans.WriteAsync();
        await Task.WhenAll(
            StartDurableDeliveryAsync(year, plan),
            RecordVersionAsync(year),
            Task.WhenAll(issued.Select(kind => NoteMilestoneAsync(year, kind))));
    }

    /// <summary>
    /// Publisher side, once the plan is stored and the body registered: records the version in the outbox
    /// before sending anything, so a crash at any point is resumed, never lost.
    /// </summary>
    private async Task StartDurableDeliveryAsync(int year, EffectivePlan plan)
    {
        var children = ChildIds.ToList();
        if (children.Count == 0)
        {
            Deliveries.MarkCompleted(year, plan.Stamp);
            return;
        }

        _outbox.State.Years[year] = new OutboxEntry { Stamp = plan.Stamp };
        await _outbox.WriteAsync();
        StartRun(new DeliveryRun((await GetDeliveryForChildAsync(year))!, children, parentStamp: null));
    }

    private async Task ResumeYearAsync(int year)
    {
        if (Deliveries.Contains(year) || await GetDeliveryForChildAsync(year) is not { } delivery)
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
            await Deliveries.CompleteAsync(run);
            return;
        }

        StartRun(run);
    }

    /// <summary>
    /// Runs a command that changes this body's plans in memory and then stores them. When any write
    /// fails (the database restarting, the outbox registry's write failing), memory is ahead of storage:
    /// the activation leaves, so the caller's retry reads what was stored instead of finding the change
    /// "already made" in memory alone and answering success for a plan that no one stored or delivered.
    /// </summary>
    private async Task<T> StoredOrLeaveAsync<T>(Func<Task<T>> change)
    {
        try
        {
            return await change();
        }
        catch
        {
            DeactivateOnIdle();
            throw;
        }
    }

    /// <summary>
    /// A retried publication or localization whose version is stored: finishes what the first attempt
    /// may have left undone when it failed part-way. The history entry (a retry appends nothing new),
    /// the open outbox registered and its delivery running unless complete for this version, and the
    /// milestones (noted as the earliest day, so noting again changes nothing).
    /// </summary>
    private async Task FinishRetriedIssueAsync(int year, PlanMilestoneKind issued)
    {
        await RecordVersionAsync(year);
        var stamp = (await GetDeliveryForChildAsync(year))?.Plan.Stamp;
        if (ChildIds.Any() && !Deliveries.Contains(year) && !(_outbox.State.Years.GetValueOrDefault(year) is { Complete: true } done && done.Stamp == stamp))
        {
            await GrainFactory.GetGrain<IOutboxRegistryGrain>(IOutboxRegistryGrain.Key).RegisterAsync(Id);
            await ResumeYearAsync(year);
        }

        await (issued == PlanMilestoneKind.Localized
            ? Task.WhenAll(NoteMilestoneAsync(year, issued), NoteMilestoneAsync(year, PlanMilestoneKind.Published))
            : NoteMilestoneAsync(year, issued));
    }

    private bool PulledOnly(int year, List<string> children) =>
        children.Count > 0 && !Deliveries.Contains(year) && !(_effective.TryGetValue(year, out var plan) && Deliveries.CompletedStamp(year) == plan.Stamp);

    private bool RepeatDelivery(int year)
    {
        if (Deliveries.TryGet(year, out var run))
        {
            // The parent is retrying: our subtree is not done yet, so push again to those still missing.
            Deliveries.Dispatch(run);
            return false;
        }

        return _effective.TryGetValue(year, out var plan) && Deliveries.CompletedStamp(year) == plan.Stamp
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

    /// <summary>The deliveries in flight to this body's children (<see cref="ChildDeliveries"/>), made on first use.</summary>
    private ChildDeliveries Deliveries => _deliveries ??= new ChildDeliveries(
        Id,
        _options,
        Settle,
        _logger,
        (callback, timer) => this.RegisterGrainTimer(callback, timer),
        (child, delivery, hasState) => Peer(child).DeliverAsync(delivery, hasState),
        () => _profile.State.ChildrenWithState,
        (child, withState) => FollowingLeaves.IsFollowingLeaf(_catalog, child, withState),
        year => NoteMilestoneAsync(year, PlanMilestoneKind.LeavesReceived),
        StoreCompletionAsync,
        WriteAcknowledgementsAsync);

    private ChildDeliveries? _deliveries;

    private void StartRun(DeliveryRun run) => Deliveries.Start(run);

    /// <summary>A run ended: the publisher marks its outbox complete (and leaves the registry when no run of its own is open); any other body acknowledges to its parent.</summary>
    private async Task StoreCompletionAsync(DeliveryRun run)
    {
        if (run.IsPublisher)
        {
            _outbox.State.Years[run.Year] = new OutboxEntry { Stamp = run.Stamp, Complete = true };
            await _outbox.WriteAsync();
            if (!Deliveries.AnyPublisher)
            {
                await GrainFactory.GetGrain<IOutboxRegistryGrain>(IOutboxRegistryGrain.Key).CompleteAsync(Id);
            }
        }
        else if (ParentId is { } parentId)
        {
            await Peer(parentId).AcknowledgeAsync(run.Year, run.ParentStamp!, Id);
        }
    }

    /// <summary>One outbox write for the acknowledgements of every publisher run that had new ones.</summary>
    private async Task WriteAcknowledgementsAsync(IReadOnlyList<DeliveryRun> runs)
    {
        foreach (var run in runs)
        {
            _outbox.State.Years[run.Year] = new OutboxEntry { Stamp = run.Stamp, Acknowledged = [.. ChildIds.Except(run.Pending)] };
        }

        await _outbox.WriteAsync();
    }

    private SettleTracker Settle => ServiceProvider.GetRequiredService<SettleTracker>();

    /// <summary>A run still open when the grain goes is resumed from the outbox later, not counted as in flight here.</summary>
    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        _deliveries?.Release();
        return base.OnDeactivateAsync(reason, cancellationToken);
    }
}
