using GovOpenness.Abstractions;
using GovOpenness.Abstractions.Bodies;
using GovOpenness.Abstractions.Diagnostics;
using GovOpenness.Abstractions.Live;
using GovOpenness.Abstractions.Progress;
using GovOpenness.Domain.Calendar;
using GovOpenness.Domain.Progress;
using GovOpenness.Grains.Hosting;
using GovOpenness.Grains.Pipeline;
using GovOpenness.Grains.Storage.Journal;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GovOpenness.Grains;

/// <summary>
/// A thin shell over the progress domain for one (body, year), keyed "{bodyId}/{year}": records steps
/// durably through the silo's group-commit <see cref="ProgressJournal"/>, keeps the subtree roll-up,
/// and sends one coalesced delta to the parent at most once per flush interval (<see cref="FlushThrottle"/>).
/// Kept apart from the body grain so a progress tick never rewrites the cold plan state.
/// </summary>
/// <remarks>
/// Composes collaborators with one job each: the own record (<see cref="OwnProgress"/>), the children
/// (<see cref="ChildrenList"/>), the followers (<see cref="FollowerRollup"/>), what is owed the parent
/// (<see cref="ParentUplink"/>), the live push (<see cref="PushThrottle"/>). It keeps the roll-up, the
/// timers and every call to another grain, handed to them as delegates.
/// </remarks>
[GrainType("progress")]
public sealed class ProgressGrain(
    IOptions<CascadeOptions> options,
    ProgressClock clock,
    ProgressJournal journal,
    SettleTracker settle,
    ActivationEpochs epochs,
    IBodyCatalog catalog,
    SiloShutdown shutdown,
    Live.LiveInterest interest) : Grain, IProgressGrain, IBodyProgressReaderGrain
{
    private string _bodyId = "";
    private int _year;
    private string? _parentId;
    private bool _exists;
    private SubtreeRollup _rollup = null!;

    /// <summary>The body's own record, steps and milestones, and the figures it puts into the roll-up.</summary>
    private OwnProgress _own = null!;

    /// <summary>Children whose subtree summaries this body holds (journaled: pulled again after a restart).</summary>
    private ChildrenList _children = null!;

    /// <summary>Leaf children that only follow, counted here until they activate (journaled receipts).</summary>
    private FollowerRollup _followers = null!;

    /// <summary>The epoch, the outbox and the flush: what this activation owes its parent.</summary>
    private ParentUplink _uplink = null!;

    private WorkingDayCalendar Calendar => WorkingDayCalendar.China;

    private DateOnly Today => ChinaTime.Today(clock.Time);

    // Every timer here runs on the grains' clock (GrainClock, the one Orleans runs grain timers on), and
    // the intervals are measured on it too, so a test drives them with a FakeTimeProvider.
    private TimeProvider WallClock => _wallClock ??= GrainClock.Of(ServiceProvider);
    private TimeProvider? _wallClock;

    /// <summary>When the delta goes up (armed by a change; null until the timers start).</summary>
    private FlushThrottle? _flush;

    /// <summary>The live push to the notifier, at most once per push interval.</summary>
    private PushThrottle? _push;

    private IGrainTimer? _pushTimer;

    // This body's flush interval (CascadeOptions.ProgressFlushIntervalAt its level), and the references it
    // calls on every flush and push: Orleans' GetGrain resolves the interface by reflection on each call
    // (a few % of the silo's CPU per step, issue 16's profile).
    private TimeSpan _flushInterval;
    private IProgressGrain? _parent;
    private ILiveNotifierGrain? _notifier;

    /// <summary>Set as deactivation begins: nothing owed or pushed after it (the settle tracker was left for good).</summary>
    private bool _deactivating;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var key = this.GetPrimaryKeyString();
        var slash = key.LastIndexOf('/');
        _bodyId = key[..slash];
        _year = int.Parse(key[(slash + 1)..], System.Globalization.CultureInfo.InvariantCulture);

        // The records this activation owns, read from the journal in one batched query with other activating
        // grains; each write names the version read (VersionedRecord: a second activation cannot overwrite).
        // The children list is journaled too: as Orleans state, each new child's first delta cost a write.
        // Their reads need the key alone, so they start first and run while the body says who it is and what
        // its plan is (issue 16: one after another, the three were a fresh grain's first 签收 waiting on a busy
        // silo, a grain call and the journal's read queue in turn).
        var record = new VersionedRecord(journal, key, Leave);
        var followersRecord = new VersionedRecord(journal, key + "/followers", Leave);
        var childrenRecord = new VersionedRecord(journal, key + "/children", Leave);
        var loading = record.LoadAsync();
        var followers = followersRecord.LoadAsync();
        var childrenLoading = childrenRecord.LoadAsync();
        var info = await InfoAsync();
        _exists = info is not null;
        _parentId = info?.ParentId;
        _flushInterval = options.Value.ProgressFlushIntervalAt(info?.Level ?? Domain.Hierarchy.BodyLevel.Township);
        _rollup = new SubtreeRollup(_bodyId, _year);
        var plan = _exists ? GrainFactory.GetGrain<IBodyGrain>(_bodyId).GetPlanAsync(_year) : null;
        _children = new ChildrenList(childrenRecord);
        _followers = new FollowerRollup(new FollowerSummaries(followersRecord, _bodyId, _year, LeavesOf), _children, _rollup, clock, () => _own.IssuedOn,
            () => GrainFactory.GetGrain<IBodyDeliveryGrain>(_bodyId).GetDeliveryForChildAsync(_year), ScheduleFlush, SummaryMayHaveChanged);
        _children.Load(await childrenLoading);
        _own = new OwnProgress(_bodyId, _year, _parentId, _exists, record, await loading, _rollup, clock, OwnCalls(), ScheduleFlush, SummaryMayHaveChanged);
        if (plan is not null)
        {
            // At activation the plan's items become the targets.
            _own.TakePlan(await plan);
        }

        _uplink = new ParentUplink(_bodyId, _year, _parentId is not null, key, _rollup, epochs, settle, [record, followersRecord, childrenRecord],
            BeforeFlushAsync, delta => (_parent ??= Progress(_parentId!)).ReceiveDeltaAsync(delta), DeactivateOnIdle);
        _own.SetFigures();

        // Followers first: a child pulled below replaces its follower's summary with its own.
        await _followers.LoadAsync(await followers);

        // Soft roll-up: pull each known child's full summary (downward calls only, so no cycles).
        foreach (var child in _children.All)
        {
            _rollup.Receive(await Progress(child).TakeFullAsync());
        }

        SummaryMayHaveChanged();

        // A fresh epoch per activation: the parent treats our first delta as a full one.
        _uplink.Open();

        StartTimers();
    }

    /// <summary>
    /// Who the body is: the silo's catalog knows every body of the hierarchy (the body grain answers from it
    /// too), so only a department asks its body grain, which keeps it in its profile.
    /// </summary>
    private Task<BodyInfo?> InfoAsync() =>
        catalog.Find(_bodyId) is { } body
            ? Task.FromResult<BodyInfo?>(new BodyInfo(body.Id, body.Name, body.ParentId, body.Level))
            : GrainFactory.GetGrain<IBodyGrain>(_bodyId).GetInfoAsync();

    public Task<CommandResult<ProgressOutcome>> RecordProgressAsync(ProgressUpdate update, string? actorBodyId) =>
        _exists ? _own.RecordAsync(update, actorBodyId) : Task.FromResult(NotFound<ProgressOutcome>());

    public Task<CommandResult<IReadOnlyList<ProgressOutcome>>> RecordProgressBatchAsync(IReadOnlyList<ProgressUpdate> updates, string? actorBodyId) =>
        _exists ? _own.RecordBatchAsync(updates, actorBodyId) : Task.FromResult(NotFound<IReadOnlyList<ProgressOutcome>>());

    public Task<DeltaReceipt> ReceiveDeltaAsync(SummaryDelta delta)
    {
        var receipt = _rollup.Receive(delta);
        // A new child is journaled with the next flush, one write for every child that arrived meanwhile:
        // awaited here, each new child cost a commit inside this call, and a cascade's siblings queued
        // behind one another at their parent (measured: the root's summary lagged delivery tenfold).
        _children.Add(delta.ChildId);

        ScheduleFlush();
        SummaryMayHaveChanged();
        return Task.FromResult(receipt);
    }

    public Task<SummaryDelta> TakeFullAsync() => Task.FromResult(_uplink.TakeFull());

    public async Task<CommandResult<SummaryView>> GetSummaryAsync()
    {
        if (!_exists)
        {
            return NotFound<SummaryView>();
        }

        // A follower's receipt is held by its parent until this grain adopts it.
        await _own.AdoptReceiptAsync();
        await _own.EnsurePlanKnownAsync();
        return CommandResult<SummaryView>.Ok(SummaryView.Of(_rollup, _uplink.Epoch));
    }

    public Task<CommandResult<FigureExplanation>> ExplainAsync(string figure)
    {
        if (!_exists)
        {
            return Task.FromResult(NotFound<FigureExplanation>());
        }

        if (!Enum.TryParse<SummaryFigure>(figure, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed))
        {
            return Task.FromResult(CommandResult<FigureExplanation>.Fail(FailureKind.Invalid, $"没有名为“{figure}”的汇总数字"));
        }

        return Task.FromResult(CommandResult<FigureExplanation>.Ok(_rollup.Explain(parsed, _own.Progress, Today, Calendar)));
    }

    /// <summary>Reads of the body's own progress for the viewer; they never write.</summary>
    public async Task<CommandResult<ProgressTable>> GetItemsAsync()
    {
        if (!_exists)
        {
            return NotFound<ProgressTable>();
        }

        // A follower's receipt is held by its parent until this grain adopts it.
        await _own.AdoptReceiptAsync();
        await _own.EnsurePlanKnownAsync();
        return CommandResult<ProgressTable>.Ok(ProgressTable.Of(_own.Progress, Today, Calendar));
    }

    /// <summary>The grain's read of its own record (replays compare it with the fast engine).</summary>
    public async Task<BodyProgress> GetOwnProgressAsync()
    {
        await _own.AdoptReceiptAsync();
        return _own.Progress;
    }

    public Task NoteMilestoneAsync(PlanMilestoneKind kind, DateOnly day) =>
        _exists ? _own.NoteMilestoneAsync(kind, day) : Task.CompletedTask;

    public Task<DateOnly?> GetIssuedOnAsync() => Task.FromResult(_own.IssuedOn);

    public Task<IReadOnlyList<string>> NoteChildrenReceivedAsync(IReadOnlyList<ChildReceipt> receipts) =>
        _exists ? _followers.NoteReceivedAsync(receipts) : Task.FromResult<IReadOnlyList<string>>([]);

    /// <summary>
    /// A follower's receipt. Adopted first: this body may itself have been counted by its parent with its
    /// leaves (a township that only follows), and then its leaves' receipts are derived from its own.
    /// </summary>
    public async Task<ChildReceipt?> GetChildReceiptAsync(string childId)
    {
        await _own.AdoptReceiptAsync();
        return _followers.Claim(childId);
    }

    /// <summary>
    /// Convergence after faults (issue 11): the silo's reconciler asks for a full summary after every
    /// membership change (<see cref="ParentUplink.ResendFullAsync"/>). A deactivating grain does not flush:
    /// its parent may be reactivating and pulling from it at that moment (a deadlock until timeout, seen in
    /// DurableDeliveryTests); what it had not sent is repaired by the reconciler.
    /// </summary>
    public Task<bool> ResendFullAsync() => _uplink.ResendFullAsync();

    public Task FlushAsync()
    {
        RefreshIfNewDay();
        return _uplink.FlushAsync();
    }

    /// <summary>
    /// What this activation still owed is not in flight any more: a new activation owes it afresh. Children
    /// that arrived since the last flush are journaled first, so an orderly stop (idle collection, a drained
    /// silo, a cluster restart) never leaves the next activation without them; only a crash relies on the
    /// reconciler (<see cref="ChildrenList"/>).
    /// </summary>
    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        _deactivating = true;
        try
        {
            await _children.JournalAsync();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Left for the reconciler, as after a crash; deactivation must go on.
        }

        settle.Exit(PendingWork.Flush, this.GetPrimaryKeyString());
        settle.Exit(PendingWork.Push, this.GetPrimaryKeyString());
        await base.OnDeactivateAsync(reason, cancellationToken);
    }

    // Lights move with time alone: on a new day an active grain re-derives its own figures, and the
    // next flush carries the change up. Inactive grains derive them afresh when they activate.
    private void RefreshIfNewDay()
    {
        if (_own.DayChanged)
        {
            _own.SetFigures();
            _followers.Recount();
            SummaryMayHaveChanged();
        }
    }

    /// <summary>Inside the one flush in flight: a follower's receipt is adopted, and new children journaled (the root's flush does only this).</summary>
    private async Task BeforeFlushAsync()
    {
        await _own.AdoptReceiptAsync();
        await _children.JournalAsync();
    }

    private CommandResult<T> NotFound<T>() => CommandResult<T>.Fail(FailureKind.NotFound, $"机构“{_bodyId}”不存在");

    private IProgressGrain Progress(string bodyId) => GrainFactory.GetGrain<IProgressGrain>(IProgressGrain.Key(bodyId, _year));

    private OwnProgressCalls OwnCalls() => new(
        () => GrainFactory.GetGrain<IBodyGrain>(_bodyId).GetPlanAsync(_year),
        () => Progress(_parentId!).GetChildReceiptAsync(_bodyId),
        () => Progress(_parentId!).GetIssuedOnAsync(),
        (day, issuedOn) => _followers.AdoptLeavesAsync(LeavesOf(_bodyId), day, issuedOn));

    /// <summary>A body's catalog leaf children: those a note of its leaves' receipt stands for (<see cref="FollowingLeaves"/>).</summary>
    private IReadOnlyList<string> LeavesOf(string bodyId) => [.. FollowingLeaves.CatalogLeavesOf(catalog, bodyId)];

    /// <summary>A write was refused as stale: this activation sends nothing more upward and leaves (<see cref="ParentUplink.Leave"/>).</summary>
    private void Leave() => _uplink.Leave();

    private void StartTimers()
    {
        // The root too: its flush sends nothing up but journals its children list.
        var flushTimer = this.RegisterGrainTimer(_ => FlushWhenDueAsync(), new GrainTimerCreationOptions(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan) { Interleave = true });
        var activation = TaskScheduler.Current;
        _flush = new FlushThrottle(WallClock, _flushInterval, due =>
        {
            if (due > TimeSpan.Zero || activation == TaskScheduler.Default)
            {
                flushTimer.Change(due, Timeout.InfiniteTimeSpan);
                return;
            }

            // Due at once, the common case at a leaf (its steps come seconds apart): queued on this activation,
            // interleaved as the timer's tick would be, without the runtime's timer queue, a thread-pool hop and
            // a tick message (a few % of the silo's CPU per step, issue 16's profile).
            _ = Task.Factory.StartNew(FlushNowAsync, CancellationToken.None, TaskCreationOptions.None, activation).Unwrap();
        });
        _uplink.Start(_flush);

        // Every grain checks the day (the root too): a slow periodic tick (cheap: a date compare).
        // Inactive grains derive their lights at activation.
        var dayCheck = options.Value.ProgressDayCheckInterval;
        this.RegisterGrainTimer(_ =>
        {
            RefreshIfNewDay();
            return Task.CompletedTask;
        }, new GrainTimerCreationOptions(dayCheck, dayCheck) { Interleave = true });

        // A fresh activation owes its parent a full summary (new epoch).
        ScheduleFlush();
    }

    /// <summary>Owes the parent a delta (<see cref="ParentUplink.Owe"/>); a no-op until the timers start.</summary>
    private void ScheduleFlush()
    {
        if (!_deactivating)
        {
            _uplink.Owe();
        }
    }

    /// <summary>A flush due at once; a failure is logged as a timer's would be (it re-armed itself for the next interval).</summary>
    private async Task FlushNowAsync()
    {
        try
        {
            await FlushWhenDueAsync();
        }
        catch (Exception e)
        {
            ServiceProvider.GetService<ILogger<ProgressGrain>>()?.LogWarning(e, "The delta of {Key} did not reach its parent; it is sent again one interval later", this.GetPrimaryKeyString());
        }
    }

    private async Task FlushWhenDueAsync()
    {
        var armedAt = _flush!.Start();

        // A silo stopping with no other active silo has nowhere to place a parent that is not active here:
        // the send would only fail and log. Nothing is lost by not sending: the next start rebuilds the
        // roll-up from the journal (a parent pulls its children's full summaries as it activates) and the
        // reconciler resends what changed recently. With another silo active the flush goes up as before.
        if (shutdown.IsStoppingAlone)
        {
            return;
        }

        try
        {
            await FlushAsync();
            RecordFlushLag(armedAt);
        }
        catch when (shutdown.IsStopping)
        {
            // Leaving the cluster: no later interval will come, and the silo leaving is a membership change,
            // after which the reconciler asks this grain's next activation to resend its full summary.
        }
        catch
        {
            // The parent was unreachable: the delta stays owed; try again one interval later.
            ScheduleFlush();
            throw;
        }
    }

    /// <summary>
    /// Marks the summary as possibly changed: pushed now, or once the push interval has passed
    /// (<see cref="PushThrottle"/>), if any viewer watches the body or its parent (<see cref="Live.LiveInterest"/>).
    /// A viewer who opens it later reads its current summary first (CascadeHub), so nothing is owed to them;
    /// with no viewer, building and sending each push was about a sixth of the silo's CPU per step (issue 16).
    /// </summary>
    private void SummaryMayHaveChanged()
    {
        if (!_exists || _deactivating || !interest.Wants(_bodyId, _parentId, _year))
        {
            return;
        }

        _push ??= new PushThrottle(
            WallClock,
            ServiceProvider.GetService<IOptions<LiveOptions>>()?.Value.PushInterval ?? TimeSpan.FromMilliseconds(200),
            settle,
            this.GetPrimaryKeyString(),
            ArmPush,
            () => SummaryView.Of(_rollup, _uplink.Epoch),
            SendPush);
        _push.Changed();
    }

    private void ArmPush(TimeSpan wait)
    {
        _pushTimer ??= this.RegisterGrainTimer(_ =>
        {
            _push!.Due();
            return Task.CompletedTask;
        }, new GrainTimerCreationOptions(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan) { Interleave = true });
        _pushTimer.Change(wait, Timeout.InfiniteTimeSpan);
    }

    private void SendPush(SummaryView view)
    {
        // A stopping silo can place no notifier (a stateless worker, local only): the push would fail and
        // log. Its viewers' hosts are going or see the grain's next activation push its view at once.
        if (shutdown.IsStopping)
        {
            return;
        }

        var push = new SummaryPush(_bodyId, _parentId, _year, view, WallClock.GetUtcNow());

        // Counted before the one-way call: the notifier (always on this silo) counts it off once forwarded.
        settle.EnterVersion(PendingWork.Forward, this.GetPrimaryKeyString(), (view.Epoch, view.Sequence));
        _ = (_notifier ??= GrainFactory.GetGrain<ILiveNotifierGrain>(0)).PublishAsync(push);
    }

    private void RecordFlushLag(long armedAt) =>
        ServiceProvider.GetService<GovOpennessMetrics>()?.RecordFlushLag(
            WallClock.GetElapsedTime(armedAt),
            Domain.Hierarchy.BodyId.TryGetLevel(_bodyId, out var level, out _) ? level.ToString() : "other");
}
